package com.topup.admin;

import com.topup.carrier.Carrier;
import com.topup.carrier.NumberRangeImportSummary;
import com.topup.carrier.NumberRangeImporter;
import com.topup.carrier.PortabilityService;
import com.topup.web.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Number-range imports (CSV) and per-number portability overrides, for admins. */
@Path("/admin/api/carriers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(StaffRoles.ADMIN)
public class CarrierAdminResource {

    private final NumberRangeImporter importer;
    private final PortabilityService portability;

    private final SecurityIdentity identity;

    public CarrierAdminResource(NumberRangeImporter importer, PortabilityService portability, SecurityIdentity identity) {
        this.identity = identity;
        this.importer = importer;
        this.portability = portability;
    }

    /** Body: CSV with the header {@code prefix,carrier,province,city}; every rejected line is reported. */
    @POST
    @Path("/number-ranges")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public NumberRangeImportSummary importRanges(String csv) {
        return importer.importCsv(csv == null ? "" : csv, StaffActors.of(identity));
    }

    @PUT
    @Path("/portability/{phone}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> setOverride(@PathParam("phone") String phone, PortabilityOverride request) {
        Carrier carrier = parseCarrier(request == null ? null : request.carrier());
        portability.setOverride(phone, carrier, StaffActors.of(identity));
        return Map.of("carrier", carrier.name());
    }

    @DELETE
    @Path("/portability/{phone}")
    public Response removeOverride(@PathParam("phone") String phone) {
        if (!portability.removeOverride(phone, StaffActors.of(identity))) {
            throw new ApiException(404, "NOT_FOUND", "No portability override for this number");
        }
        return Response.noContent().build();
    }

    private static Carrier parseCarrier(String name) {
        try {
            return Carrier.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(400, "INVALID_REQUEST", "carrier must be one of CHINA_MOBILE, CHINA_UNICOM, "
                    + "CHINA_TELECOM, CHINA_BROADNET", Map.of("field", "carrier"));
        }
    }

    public record PortabilityOverride(String carrier) {
    }
}
