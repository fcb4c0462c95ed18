package com.topup.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.admin.StaffRoles;
import com.topup.web.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's staff API: operators and admins read the suppliers, admins change their behaviour, start outages
 * and reset (each in the audit trail). Every call is 404 SIM_DISABLED when the simulator is off; when it runs in a
 * process of its own ({@code topup.sim.base-url}), the answer names that process's address.
 */
@Path("/admin/api/sim")
@Produces(MediaType.APPLICATION_JSON)
public class SimAdminResource {

    private static final long MAX_OUTAGE_SECONDS = 86_400;
    private static final ObjectMapper READER = new ObjectMapper();

    private final SupplierSimulator simulator;
    private final SimSuppliers suppliers;
    private final SimAdminService admin;
    private final SecurityIdentity identity;
    private final SimConfig config;

    public SimAdminResource(SupplierSimulator simulator, SimSuppliers suppliers, SimAdminService admin,
                            SecurityIdentity identity, SimConfig config) {
        this.simulator = simulator;
        this.config = config;
        this.suppliers = suppliers;
        this.admin = admin;
        this.identity = identity;
    }

    @GET
    @Path("/suppliers")
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.ADMIN})
    public List<SupplierView> list() {
        requireEnabled();
        return simulator.suppliers().stream().map(this::view).toList();
    }

    /** Every order a supplier charged, with its charges (reversed ones included): what the suppliers would bill. */
    @GET
    @Path("/charges")
    @RolesAllowed({StaffRoles.OPERATOR, StaffRoles.ADMIN})
    public List<SimOrder.View> charges() {
        requireEnabled();
        return simulator.chargedOrders();
    }

    /** Replaces the supplier's behaviour (body: a behaviour object as in the profile file). */
    @PUT
    @Path("/suppliers/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRoles.ADMIN)
    public SupplierView replaceBehaviour(@PathParam("code") String code, String body) {
        SimSupplierState supplier = supplier(code);
        SupplierBehaviour behaviour;
        try {
            behaviour = SimProfiles.parseBehaviour(body);
        } catch (InvalidSimProfile e) {
            throw new ApiException(400, "INVALID_REQUEST", "Unusable behaviour: " + e.getMessage(),
                    Map.of("problems", e.problems()));
        }
        admin.replaceBehaviour(staff(), supplier, behaviour);
        return view(supplier);
    }

    /** Body {@code {"seconds": n}}: an outage from now for n seconds; 0 ends the outage under way. */
    @POST
    @Path("/suppliers/{code}/outage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRoles.ADMIN)
    public SupplierView outage(@PathParam("code") String code, OutageRequest request) {
        SimSupplierState supplier = supplier(code);
        if (request == null || request.seconds() == null || request.seconds() < 0 || request.seconds() > MAX_OUTAGE_SECONDS) {
            throw new ApiException(400, "INVALID_REQUEST", "seconds must be between 0 and " + MAX_OUTAGE_SECONDS,
                    Map.of("field", "seconds"));
        }
        admin.outage(staff(), supplier, Duration.ofSeconds(request.seconds()));
        return view(supplier);
    }

    /** Back to the profile file: behaviours, no outage, no orders; body {@code {"seed": n}} optional (replays a run). */
    @POST
    @Path("/reset")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(StaffRoles.ADMIN)
    public ResetResult reset(String body) {
        requireEnabled();
        long seed = admin.reset(staff(), seedOf(body));
        return new ResetResult(seed, simulator.suppliers().stream().map(this::view).toList());
    }

    private static Long seedOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode seed = READER.readTree(body).path("seed");
            if (seed.isMissingNode() || seed.isNull()) {
                return null;
            }
            if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
                throw new ApiException(400, "INVALID_REQUEST", "seed must be a whole number", Map.of("field", "seed"));
            }
            return seed.asLong();
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "INVALID_REQUEST", "Body must be {\"seed\": n} or empty");
        }
    }

    private String staff() {
        return identity.getPrincipal().getName();
    }

    private SimSupplierState supplier(String code) {
        requireEnabled();
        return simulator.supplier(code).orElseThrow(() -> new ApiException(404, "SIM_SUPPLIER_NOT_FOUND",
                "No simulated supplier " + code));
    }

    private void requireEnabled() {
        if (simulator.enabled()) {
            return;
        }
        Optional<URI> elsewhere = config.baseUrl();
        if (elsewhere.isPresent()) {
            throw new ApiException(404, "SIM_DISABLED", "The supplier simulator runs in a process of its own: its staff API"
                    + " is " + elsewhere.get().toString().replaceAll("/+$", "") + "/admin/api/sim",
                    Map.of("simulatorUrl", elsewhere.get().toString()));
        }
        throw new ApiException(404, "SIM_DISABLED", "The supplier simulator is off");
    }

    private SupplierView view(SimSupplierState state) {
        SimSupplier supplier = suppliers.find(state.code()).orElseThrow();
        return new SupplierView(state.code(), state.name(), state.protocol(), supplier.basePath(),
                suppliers.baseUrl(supplier).toString(), simulator.seed(), simulator.outageUntil(state),
                state.behaviour(), state.stats().snapshot());
    }

    public record SupplierView(String code, String name, String protocol, String basePath, String baseUrl, long seed,
                               Instant outageUntil, SupplierBehaviour behaviour, Map<String, Long> stats) {
    }

    public record OutageRequest(Long seconds) {
    }

    public record ResetResult(long seed, List<SupplierView> suppliers) {
    }
}
