package com.topup.order;

import com.topup.merchant.AuthenticatedMerchant;
import com.topup.merchant.MerchantRequests;
import com.topup.web.ApiException;
import com.topup.web.JsonBodies;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** The merchant order API (CONTRACT §1). Bodies are taken raw: the signature covers their exact bytes. */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final MerchantRequests requests;
    private final OrderIntakeService intake;
    private final OrderQueryService queries;
    private final JsonBodies bodies;

    public OrderResource(MerchantRequests requests, OrderIntakeService intake, OrderQueryService queries, JsonBodies bodies) {
        this.requests = requests;
        this.intake = intake;
        this.queries = queries;
        this.bodies = bodies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(@Context HttpServerRequest http, byte[] body) {
        AuthenticatedMerchant merchant = requests.authenticate(http, body);
        IntakeResult result = intake.place(merchant, bodies.tree(body));
        return Response.status(result.created() ? 201 : 200).entity(result.order()).build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, List<BatchItemResult>> placeBatch(@Context HttpServerRequest http, byte[] body) {
        AuthenticatedMerchant merchant = requests.authenticate(http, body);
        return Map.of("results", intake.placeBatch(merchant, bodies.tree(body)));
    }

    @GET
    @Path("/{orderId}")
    public OrderView byId(@Context HttpServerRequest http, @PathParam("orderId") String orderId) {
        AuthenticatedMerchant merchant = requests.authenticate(http, null);
        return queries.byId(merchant.id(), orderId);
    }

    @GET
    public OrderView byMerchantOrderId(@Context HttpServerRequest http, @QueryParam("merchantOrderId") String merchantOrderId) {
        AuthenticatedMerchant merchant = requests.authenticate(http, null);
        if (merchantOrderId == null || merchantOrderId.isBlank()) {
            throw new ApiException(400, "INVALID_REQUEST", "Query parameter merchantOrderId is required",
                    Map.of("field", "merchantOrderId"));
        }
        return queries.byMerchantOrderId(merchant.id(), merchantOrderId);
    }
}
