package com.topup.admin;

import com.topup.audit.Actor;
import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in staff member as the audit trail records them: name and realm roles. */
final class StaffActors {

    private StaffActors() {
    }

    static Actor of(SecurityIdentity identity) {
        return new Actor(identity.getPrincipal().getName(), identity.getRoles());
    }
}
