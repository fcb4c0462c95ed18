package com.topup.admin;

import com.topup.repair.AnomalyQueries;
import com.topup.order.OrderStatistics;
import com.topup.rules.RuleSetService;
import com.topup.rules.RuleSetSummary;
import com.topup.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The operators' dashboard: the last minutes of orders by final state, open work and the live rule versions. */
@Path("/admin/api/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    private final OrderStatistics orders;
    private final AnomalyQueries anomalies;
    private final RuleSetService rules;

    public DashboardResource(OrderStatistics orders, AnomalyQueries anomalies, RuleSetService rules) {
        this.orders = orders;
        this.anomalies = anomalies;
        this.rules = rules;
    }

    @GET
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public Dashboard dashboard(@QueryParam("minutes") @DefaultValue("60") int minutes) {
        if (minutes < 1 || minutes > 1440) {
            throw new ApiException(400, "INVALID_REQUEST", "minutes must be between 1 and 1440", Map.of("field", "minutes"));
        }
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofMinutes(minutes - 1L));
        return new Dashboard(from, to, orders.perMinute(from, to), orders.open(), anomalies.openCounts(), rules.summaries());
    }

    public record Dashboard(Instant from, Instant to, List<OrderStatistics.MinuteFigures> minutes, Map<String, Long> open,
                            Map<String, Long> anomaliesOpen, List<RuleSetSummary> liveRules) {
    }
}
