package com.topup.admin;

import com.topup.channel.dispatch.DecisionFacts;
import com.topup.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;

/**
 * A real order's facts in the simulation input's shape, so rule authors and approvers can test rules on it
 * without being able to read orders otherwise. Its own class with the full path (see OrderNotificationsResource).
 */
@Path("/admin/api/rulesets/{name}/facts")
@Produces(MediaType.APPLICATION_JSON)
public class RuleFactsResource {

    private final DecisionFacts facts;

    public RuleFactsResource(DecisionFacts facts) {
        this.facts = facts;
    }

    @GET
    @RolesAllowed({StaffRoles.RULE_AUTHOR, StaffRoles.RULE_APPROVER})
    public Map<String, Object> of(@PathParam("name") String name, @QueryParam("orderId") String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new ApiException(400, "INVALID_REQUEST", "orderId is required", Map.of("field", "orderId"));
        }
        return facts.of(name, orderId.trim(), Instant.now());
    }
}
