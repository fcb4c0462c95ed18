package com.topup.instruction;

import com.topup.merchant.AuthenticatedMerchant;
import com.topup.merchant.MerchantRequests;
import com.topup.order.OrderView;
import com.topup.web.JsonBodies;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Plain-language instructions (CONTRACT §1): understand, then confirm. Signed like every merchant request. */
@Path("/api/v1/instructions")
@Produces(MediaType.APPLICATION_JSON)
public class InstructionResource {

    private final MerchantRequests requests;
    private final InstructionService instructions;
    private final InstructionConfirmations confirmations;
    private final JsonBodies bodies;

    public InstructionResource(MerchantRequests requests, InstructionService instructions,
                               InstructionConfirmations confirmations, JsonBodies bodies) {
        this.requests = requests;
        this.instructions = instructions;
        this.confirmations = confirmations;
        this.bodies = bodies;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public InstructionView understand(@Context HttpServerRequest http, byte[] body) {
        AuthenticatedMerchant merchant = requests.authenticate(http, body);
        return instructions.understand(merchant, InstructionRequestParser.instruction(bodies.tree(body)));
    }

    @POST
    @Path("/{confirmation}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirm(@Context HttpServerRequest http, @PathParam("confirmation") String confirmation, byte[] body) {
        AuthenticatedMerchant merchant = requests.authenticate(http, body);
        String prefix = InstructionRequestParser.merchantOrderIdPrefix(bodies.tree(body));
        InstructionConfirmations.Confirmed confirmed = confirmations.confirm(merchant, confirmation, prefix);
        Map<String, List<OrderView>> entity = Map.of("orders", confirmed.orders());
        return Response.status(confirmed.created() ? 201 : 200).entity(entity).build();
    }
}
