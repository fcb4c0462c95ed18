package com.topup.instruction;

import com.topup.merchant.AuthenticatedMerchant;
import com.topup.merchant.CurrentMerchant;
import com.topup.merchant.MerchantAuthenticationMechanism;
import com.topup.order.OrderView;
import com.topup.web.ApiException;
import com.topup.web.ErrorBody;
import com.topup.web.JsonBodies;
import com.topup.web.OpenApiNames;
import io.quarkus.security.Authenticated;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** Plain-language instructions (CONTRACT §1): understand, then confirm. Signed like every merchant request. */
@Path("/api/v1/instructions")
@Authenticated
@HttpAuthenticationMechanism(MerchantAuthenticationMechanism.SCHEME)
@SecurityRequirementsSet({
        @SecurityRequirement(name = OpenApiNames.MERCHANT_ID), @SecurityRequirement(name = OpenApiNames.TIMESTAMP),
        @SecurityRequirement(name = OpenApiNames.NONCE), @SecurityRequirement(name = OpenApiNames.SIGNATURE)})
@APIResponse(responseCode = "401", ref = OpenApiNames.MERCHANT_UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = OpenApiNames.MERCHANT_FORBIDDEN)
@APIResponse(responseCode = "429", ref = OpenApiNames.RATE_LIMITED)
@Produces(MediaType.APPLICATION_JSON)
public class InstructionResource {

    private final CurrentMerchant merchants;
    private final InstructionService instructions;
    private final InstructionConfirmations confirmations;
    private final JsonBodies bodies;

    public InstructionResource(CurrentMerchant merchants, InstructionService instructions,
                               InstructionConfirmations confirmations, JsonBodies bodies) {
        this.merchants = merchants;
        this.instructions = instructions;
        this.confirmations = confirmations;
        this.bodies = bodies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "understandInstruction", summary = "Read a plain-language instruction into priced items")
    @APIResponse(responseCode = "200", description = "The items, problems and a confirmation; nothing is charged.")
    @APIResponse(responseCode = "400", ref = OpenApiNames.INVALID_REQUEST)
    @APIResponse(responseCode = "422", description = "INVALID_NOTIFY_URL: notifyUrl is not an absolute http(s) URL.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public InstructionView understand(byte[] body) {
        AuthenticatedMerchant merchant = merchants.get();
        return instructions.understand(merchant, InstructionRequestParser.instruction(bodies.tree(body)));
    }

    @POST
    @Path("/{confirmation}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmInstruction", summary = "Place an understood instruction's items as orders, all or none")
    @APIResponse(responseCode = "201", description = "The orders placed.")
    @APIResponse(responseCode = "200", description = "The same confirm again: the same orders.")
    @APIResponse(responseCode = "400", ref = OpenApiNames.INVALID_REQUEST)
    @APIResponse(responseCode = "402", ref = OpenApiNames.INSUFFICIENT_BALANCE)
    @APIResponse(responseCode = "404", description = "CONFIRMATION_NOT_FOUND: unknown, expired or another merchant's.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "ALREADY_CONFIRMED under another merchantOrderIdPrefix.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public Response confirm(@PathParam("confirmation") String confirmation, byte[] body) {
        AuthenticatedMerchant merchant = merchants.get();
        String prefix = InstructionRequestParser.merchantOrderIdPrefix(bodies.tree(body));
        InstructionConfirmations.Confirmed confirmed = confirmations.confirm(merchant, confirmation, prefix);
        Map<String, List<OrderView>> entity = Map.of("orders", confirmed.orders());
        return Response.status(confirmed.created() ? 201 : 200).entity(entity).build();
    }
}
