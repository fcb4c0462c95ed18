package com.topup.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.merchant.AuthenticatedMerchant;
import com.topup.merchant.MerchantRequests;
import com.topup.web.ApiException;
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
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The merchant order API (CONTRACT §1). Bodies are taken raw: the signature covers their exact bytes. */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final MerchantRequests requests;
    private final OrderIntakeService intake;
    private final OrderQueryService queries;
    private final ObjectMapper json;

    public OrderResource(MerchantRequests requests, OrderIntakeService intake, OrderQueryService queries, ObjectMapper json) {
        this.requests = requests;
        this.intake = intake;
        this.queries = queries;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(@Context HttpServerRequest http, byte[] body) {
        AuthenticatedMerchant merchant = requests.authenticate(http, body);
        IntakeResult result = intake.place(merchant, parse(body));
        return Response.status(result.created() ? 201 : 200).entity(result.order()).build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, List<BatchItemResult>> placeBatch(@Context HttpServerRequest http, byte[] body) {
        AuthenticatedMerchant merchant = requests.authenticate(http, body);
        return Map.of("results", intake.placeBatch(merchant, parse(body)));
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

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ApiException(400, "INVALID_REQUEST", "Request body is empty");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(400, "INVALID_REQUEST", "Request body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "INVALID_REQUEST", "Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "INVALID_REQUEST", "Unreadable body");
        }
    }
}
