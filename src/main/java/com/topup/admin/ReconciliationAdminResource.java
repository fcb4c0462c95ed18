package com.topup.admin;

import com.topup.repair.reconciliation.ReconciliationReport;
import com.topup.repair.reconciliation.ReconciliationService;
import com.topup.web.ApiException;
import com.topup.web.JsonBodies;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Supplier statement reconciliation (CONTRACT §3): a channel's day with its differences, the recent runs when no day
 * is given, and a run on demand.
 */
@Path("/admin/api/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationAdminResource {

    private final ReconciliationService reconciliation;
    private final SecurityIdentity identity;
    private final JsonBodies bodies;

    public ReconciliationAdminResource(ReconciliationService reconciliation, SecurityIdentity identity, JsonBodies bodies) {
        this.reconciliation = reconciliation;
        this.identity = identity;
        this.bodies = bodies;
    }

    @GET
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR})
    public Object get(@QueryParam("channel") String channel, @QueryParam("date") String date) {
        if (date == null || date.isBlank() || channel == null || channel.isBlank()) {
            return reconciliation.recent(channel == null || channel.isBlank() ? null : channel);
        }
        return reconciliation.report(channel, date);
    }

    @POST
    @Path("/runs")
    @RolesAllowed(StaffRoles.OPERATOR)
    public ReconciliationReport run(String body) {
        RunRequest request = bodies.read(body, RunRequest.class);
        if (request == null || request.channel() == null || request.channel().isBlank()) {
            throw new ApiException(400, "INVALID_REQUEST", "channel is required", Map.of("field", "channel"));
        }
        return reconciliation.runNow(request.channel(), request.date(), StaffActors.of(identity));
    }

    public record RunRequest(String channel, String date) {
    }
}
