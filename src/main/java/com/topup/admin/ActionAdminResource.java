package com.topup.admin;

import com.topup.repair.action.ActionView;
import com.topup.repair.action.OperatorActionService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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

/** Operator actions across orders: the four-eyes requests waiting for a second operator, confirmed or declined. */
@Path("/admin/api/actions")
@Produces(MediaType.APPLICATION_JSON)
public class ActionAdminResource {

    private final OperatorActionService actions;
    private final SecurityIdentity identity;

    public ActionAdminResource(OperatorActionService actions, SecurityIdentity identity) {
        this.actions = actions;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR})
    public List<ActionView> list(@QueryParam("status") String status, @QueryParam("orderId") String orderId) {
        return actions.list(status, orderId);
    }

    @POST
    @Path("/{actionId}/confirm")
    @RolesAllowed(StaffRoles.OPERATOR)
    public Response confirm(@PathParam("actionId") String actionId) {
        return Response.ok(actions.confirm(actionId, StaffActors.of(identity)), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/{actionId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRoles.OPERATOR)
    public Response reject(@PathParam("actionId") String actionId, Decline request) {
        String reason = request == null ? null : request.reason();
        return Response.ok(actions.reject(actionId, reason, StaffActors.of(identity)), MediaType.APPLICATION_JSON).build();
    }

    public record Decline(String reason) {
    }
}
