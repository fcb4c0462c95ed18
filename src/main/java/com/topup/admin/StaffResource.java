package com.topup.admin;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;

/** Who the caller is, as the console shows it. Any staff role. */
@Path("/admin/api/me")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    private final SecurityIdentity identity;

    public StaffResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @RolesAllowed({StaffRoles.RULE_AUTHOR, StaffRoles.RULE_APPROVER, StaffRoles.OPERATOR, StaffRoles.AUDITOR, StaffRoles.ADMIN})
    public Me me() {
        return new Me(identity.getPrincipal().getName(), new TreeSet<>(identity.getRoles()));
    }

    public record Me(String username, Set<String> roles) {
    }
}
