package com.topup.admin;

import com.topup.audit.AuditPage;
import com.topup.audit.AuditQueries;
import com.topup.audit.AuditSearch;
import com.topup.audit.AuditVerification;
import com.topup.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The audit trail for auditors and admins (CONTRACT §3). */
@Path("/admin/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditAdminResource {

    private static final int MAX_LIMIT = 200;

    private final AuditQueries audit;

    public AuditAdminResource(AuditQueries audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed({StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public AuditPage search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                            @QueryParam("target") String target, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                            @QueryParam("limit") Integer limit) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        Long before = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw invalid("cursor", "cursor is not one this API gave");
            }
        }
        return audit.search(new AuditSearch(blankToNull(actor), blankToNull(action), blankToNull(target),
                instant("from", from), instant("to", to), before, size));
    }

    @GET
    @Path("/verify")
    @RolesAllowed({StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public AuditVerification verify() {
        return audit.verify();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " must be an ISO-8601 UTC time such as 2026-11-30T08:00:00Z");
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(400, "INVALID_REQUEST", message, Map.of("field", field));
    }
}
