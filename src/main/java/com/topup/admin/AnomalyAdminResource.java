package com.topup.admin;

import com.topup.repair.AnomalyDetail;
import com.topup.repair.AnomalyPage;
import com.topup.repair.AnomalyQueries;
import com.topup.repair.AnomalyResolutionService;
import com.topup.repair.AnomalyView;
import com.topup.repair.Resolution;
import com.topup.web.ApiException;
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
import java.util.Map;

/** The operators' anomaly queue (CONTRACT §3). */
@Path("/admin/api/anomalies")
@Produces(MediaType.APPLICATION_JSON)
public class AnomalyAdminResource {

    private final AnomalyQueries queries;
    private final AnomalyResolutionService resolutions;
    private final SecurityIdentity identity;

    public AnomalyAdminResource(AnomalyQueries queries, AnomalyResolutionService resolutions, SecurityIdentity identity) {
        this.queries = queries;
        this.resolutions = resolutions;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR})
    public AnomalyPage list(@QueryParam("status") String status, @QueryParam("kind") String kind,
                            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return queries.list(status, kind, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR})
    public AnomalyDetail get(@PathParam("id") long id) {
        return queries.get(id);
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRoles.OPERATOR)
    public AnomalyView resolve(@PathParam("id") long id, ResolveRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw new ApiException(400, "INVALID_REQUEST", "A reason is required", Map.of("field", "reason"));
        }
        Resolution resolution;
        try {
            resolution = request.resolution() == null ? null : Resolution.valueOf(request.resolution());
        } catch (IllegalArgumentException e) {
            resolution = null;
        }
        if (resolution == null || resolution == Resolution.AUTOMATIC) {
            throw new ApiException(400, "INVALID_REQUEST", "resolution must be RECHARGE_MERCHANT, WRITE_OFF or DISMISS",
                    Map.of("field", "resolution"));
        }
        return resolutions.resolve(id, resolution, request.reason(), StaffActors.of(identity));
    }

    public record ResolveRequest(String resolution, String reason) {
    }
}
