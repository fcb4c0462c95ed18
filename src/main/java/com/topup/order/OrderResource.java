package com.topup.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.merchant.AuthenticatedMerchant;
import com.topup.merchant.CurrentMerchant;
import com.topup.merchant.MerchantAuthenticationMechanism;
import com.topup.web.ApiException;
import io.quarkus.security.Authenticated;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The merchant order API (CONTRACT §1). Bodies are taken raw: the signature covers their exact bytes;
 * the merchant comes from the request's identity ({@link MerchantAuthenticationMechanism}). */
@Path("/api/v1/orders")
@Authenticated
@HttpAuthenticationMechanism(MerchantAuthenticationMechanism.SCHEME)
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final CurrentMerchant merchants;
    private final OrderIntakeService intake;
    private final OrderQueryService queries;
    private final ObjectMapper json;

    public OrderResource(CurrentMerchant merchants, OrderIntakeService intake, OrderQueryService queries, ObjectMapper json) {
        this.merchants = merchants;
        this.intake = intake;
        this.queries = queries;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(byte[] body) {
        AuthenticatedMerchant merchant = merchants.get();
        IntakeResult result = intake.place(merchant, parse(body));
        return Response.status(result.created() ? 201 : 200).entity(result.order()).build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, List<BatchItemResult>> placeBatch(byte[] body) {
        AuthenticatedMerchant merchant = merchants.get();
        return Map.of("results", intake.placeBatch(merchant, parse(body)));
    }

    @GET
    @Path("/{orderId}")
    public OrderView byId(@PathParam("orderId") String orderId) {
        AuthenticatedMerchant merchant = merchants.get();
        return queries.byId(merchant.id(), orderId);
    }

    @GET
    public OrderView byMerchantOrderId(@QueryParam("merchantOrderId") String merchantOrderId) {
        AuthenticatedMerchant merchant = merchants.get();
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
