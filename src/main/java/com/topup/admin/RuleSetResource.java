package com.topup.admin;

import com.topup.rules.BacktestResult;
import com.topup.rules.BacktestService;
import com.topup.rules.RuleSetService;
import com.topup.rules.RuleSimulations;
import com.topup.rules.RuleSetSummary;
import com.topup.rules.RuleSetVersionView;
import com.topup.rules.SimulationInput;
import com.topup.rules.SimulationResult;
import com.topup.rules.sandbox.DrlProblem;
import com.topup.web.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Rule sets and their versions (CONTRACT §3). */
@Path("/admin/api/rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {


    private final RuleSetService rules;
    private final RuleSimulations simulations;
    private final BacktestService backtests;
    private final SecurityIdentity identity;

    public RuleSetResource(RuleSetService rules, RuleSimulations simulations, BacktestService backtests,
                           SecurityIdentity identity) {
        this.rules = rules;
        this.simulations = simulations;
        this.backtests = backtests;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({StaffRoles.RULE_AUTHOR, StaffRoles.RULE_APPROVER, StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public List<RuleSetSummary> list() {
        return rules.summaries();
    }

    @GET
    @Path("/{name}/versions")
    @RolesAllowed({StaffRoles.RULE_AUTHOR, StaffRoles.RULE_APPROVER, StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public List<RuleSetVersionView> versions(@PathParam("name") String name) {
        return rules.versions(name);
    }

    @GET
    @Path("/{name}/versions/{version}")
    @RolesAllowed({StaffRoles.RULE_AUTHOR, StaffRoles.RULE_APPROVER, StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public RuleSetVersionView version(@PathParam("name") String name, @PathParam("version") int version) {
        return rules.version(name, version);
    }

    @POST
    @Path("/{name}/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRoles.RULE_AUTHOR)
    public Validation validate(@PathParam("name") String name, DrlText request) {
        List<DrlProblem> errors = rules.validate(name, request == null ? null : request.drl());
        return new Validation(errors.isEmpty(), errors);
    }

    @POST
    @Path("/{name}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRoles.RULE_AUTHOR)
    public Response createDraft(@PathParam("name") String name, NewVersion request) {
        if (request == null) {
            throw new ApiException(400, "INVALID_REQUEST", "Body must be {\"drl\", \"comment\", \"baseVersion\"?}");
        }
        RuleSetVersionView draft = rules.createDraft(name, request.drl(), request.comment(), request.baseVersion(), actor());
        return Response.status(201).entity(draft).build();
    }

    @POST
    @Path("/{name}/versions/{version}/submit")
    @RolesAllowed(StaffRoles.RULE_AUTHOR)
    public RuleSetVersionView submit(@PathParam("name") String name, @PathParam("version") int version) {
        return rules.submit(name, version, actor());
    }

    @POST
    @Path("/{name}/versions/{version}/approve")
    @RolesAllowed(StaffRoles.RULE_APPROVER)
    public RuleSetVersionView approve(@PathParam("name") String name, @PathParam("version") int version) {
        return rules.approve(name, version, actor());
    }

    @POST
    @Path("/{name}/versions/{version}/reject")
    @RolesAllowed(StaffRoles.RULE_APPROVER)
    public RuleSetVersionView reject(@PathParam("name") String name, @PathParam("version") int version, Comment request) {
        return rules.reject(name, version, actor(), request == null ? null : request.comment());
    }

    @POST
    @Path("/{name}/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRoles.RULE_APPROVER)
    public RuleSetVersionView rollback(@PathParam("name") String name, Rollback request) {
        if (request == null || request.toVersion() == null) {
            throw new ApiException(400, "INVALID_REQUEST", "toVersion is required", Map.of("field", "toVersion"));
        }
        return rules.rollback(name, request.toVersion(), actor());
    }

    @POST
    @Path("/{name}/simulate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({StaffRoles.RULE_AUTHOR, StaffRoles.RULE_APPROVER})
    public SimulationResult simulate(@PathParam("name") String name, Simulation request) {
        if (request == null) {
            throw new ApiException(400, "INVALID_REQUEST", "Body must be {\"drl\"?, \"version\"?, \"order\", \"channels\"}");
        }
        return simulations.simulate(name, request.drl(), request.version(), request.order(), request.channels(),
                request.failure(), request.anomaly(), request.seed() == null ? 1L : request.seed());
    }

    @POST
    @Path("/{name}/backtest")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({StaffRoles.RULE_AUTHOR, StaffRoles.RULE_APPROVER})
    public BacktestResult backtest(@PathParam("name") String name, Backtest request) {
        if (request == null) {
            throw new ApiException(400, "INVALID_REQUEST", "Body must be {\"drl\"?, \"version\"?, \"orders\"?}");
        }
        return backtests.backtest(name, request.drl(), request.version(), request.orders());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    public record DrlText(String drl) {
    }

    public record NewVersion(String drl, String comment, Integer baseVersion) {
    }

    /** Optional body of a rejection: why, for the author and the audit trail. */
    public record Comment(String comment) {
    }

    public record Rollback(Integer toVersion) {
    }

    public record Simulation(String drl, Integer version, SimulationInput.Order order, List<SimulationInput.Channel> channels,
                             SimulationInput.Failure failure, SimulationInput.Anomaly anomaly, Long seed) {
    }

    public record Backtest(String drl, Integer version, Integer orders) {
    }

    public record Validation(boolean valid, List<DrlProblem> errors) {
    }
}
