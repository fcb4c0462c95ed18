package com.topup.order;

import com.topup.merchant.AuthenticatedMerchant;
import com.topup.merchant.CurrentMerchant;
import com.topup.merchant.MerchantAuthenticationMechanism;
import com.topup.web.ApiException;
import com.topup.web.JsonBodies;
import com.topup.web.OpenApiNames;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/**
 * The merchant order API (CONTRACT §1). Bodies are taken raw: the signature covers their exact bytes. The merchant
 * comes from the request's identity ({@link MerchantAuthenticationMechanism}).
 */
@Path("/api/v1/orders")
@Authenticated
@HttpAuthenticationMechanism(MerchantAuthenticationMechanism.SCHEME)
@SecurityRequirementsSet({
        @SecurityRequirement(name = OpenApiNames.MERCHANT_ID), @SecurityRequirement(name = OpenApiNames.TIMESTAMP),
        @SecurityRequirement(name = OpenApiNames.NONCE), @SecurityRequirement(name = OpenApiNames.SIGNATURE)})
@APIResponse(responseCode = "401", ref = OpenApiNames.MERCHANT_UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.MERCHANT_FORBIDDEN)
@APIResponse(responseCode = "429", ref = OpenApiNames.RATE_LIMITED)
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final CurrentMerchant merchants;
    private final OrderIntakeService intake;
    private final OrderQueryService queries;
    private final JsonBodies bodies;

    public OrderResource(CurrentMerchant merchants, OrderIntakeService intake, OrderQueryService queries, JsonBodies bodies) {
        this.merchants = merchants;
        this.intake = intake;
        this.queries = queries;
        this.bodies = bodies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "placeOrder", summary = "Place a top-up order (idempotent by merchantOrderId)")
    @APIResponse(responseCode = "201", description = "A new order.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "200", description = "The same merchantOrderId with identical fields: the original order.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", ref = OpenApiNames.INVALID_REQUEST)
    @APIResponse(responseCode = "402", ref = OpenApiNames.INSUFFICIENT_BALANCE)
    @APIResponse(responseCode = "409", ref = OpenApiNames.DUPLICATE_ORDER)
    @APIResponse(responseCode = "422", ref = OpenApiNames.UNPROCESSABLE_ORDER)
    public Response place(byte[] body) {
        AuthenticatedMerchant merchant = merchants.get();
        IntakeResult result = intake.place(merchant, bodies.tree(body));
        return Response.status(result.created() ? 201 : 200).entity(result.order()).build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "placeOrderBatch", summary = "Place up to 500 orders; each succeeds or fails on its own")
    @APIResponse(responseCode = "200", description = "One result per order, in order.")
    @APIResponse(responseCode = "400", ref = OpenApiNames.INVALID_REQUEST)
    public Map<String, List<BatchItemResult>> placeBatch(byte[] body) {
        AuthenticatedMerchant merchant = merchants.get();
        return Map.of("results", intake.placeBatch(merchant, bodies.tree(body)));
    }

    @GET
    @Path("/{orderId}")
    @Operation(operationId = "getOrder", summary = "An order of this merchant by its order id")
    @APIResponse(responseCode = "200", description = "The order.")
    @APIResponse(responseCode = "404", ref = OpenApiNames.ORDER_NOT_FOUND)
    public OrderView byId(@PathParam("orderId") String orderId) {
        AuthenticatedMerchant merchant = merchants.get();
        return queries.byId(merchant.id(), orderId);
    }

    @GET
    @Operation(operationId = "findOrderByMerchantOrderId", summary = "An order of this merchant by its merchantOrderId")
    @APIResponse(responseCode = "200", description = "The order.")
    @APIResponse(responseCode = "400", ref = OpenApiNames.INVALID_REQUEST)
    @APIResponse(responseCode = "404", ref = OpenApiNames.ORDER_NOT_FOUND)
    public OrderView byMerchantOrderId(@QueryParam("merchantOrderId") String merchantOrderId) {
        AuthenticatedMerchant merchant = merchants.get();
        if (merchantOrderId == null || merchantOrderId.isBlank()) {
            throw new ApiException(400, "INVALID_REQUEST", "Query parameter merchantOrderId is required",
                    Map.of("field", "merchantOrderId"));
        }
        return queries.byMerchantOrderId(merchant.id(), merchantOrderId);
    }
}
