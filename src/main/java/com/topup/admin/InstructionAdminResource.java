package com.topup.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.topup.instruction.InstructionConfirmations;
import com.topup.instruction.InstructionView;
import com.topup.instruction.StaffInstructionService;
import com.topup.order.OrderView;
import com.topup.web.JsonBodies;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The instruction box of the console: an operator types a merchant's plain-language instruction and confirms it on
 * the merchant's behalf, with the same answers as the merchant API (CONTRACT §1).
 */
@Path("/admin/api/merchants/{code}/instructions")
@Produces(MediaType.APPLICATION_JSON)
public class InstructionAdminResource {

    private final StaffInstructionService instructions;
    private final JsonBodies bodies;
    private final SecurityIdentity identity;

    public InstructionAdminResource(StaffInstructionService instructions, JsonBodies bodies,
                                    SecurityIdentity identity) {
        this.instructions = instructions;
        this.bodies = bodies;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(StaffRoles.OPERATOR)
    public InstructionView understand(@PathParam("code") String code, String body) {
        return instructions.understand(code, bodies.read(body, JsonNode.class));
    }

    @POST
    @Path("/{confirmation}/confirm")
    @RolesAllowed(StaffRoles.OPERATOR)
    public Response confirm(@PathParam("code") String code, @PathParam("confirmation") String confirmation,
                            String body) {
        InstructionConfirmations.Confirmed confirmed = instructions.confirm(code, confirmation,
                bodies.read(body, JsonNode.class), StaffActors.of(identity));
        Map<String, List<OrderView>> entity = Map.of("orders", confirmed.orders());
        return Response.status(confirmed.created() ? 201 : 200).entity(entity).build();
    }
}
