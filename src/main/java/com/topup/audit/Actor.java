package com.topup.audit;

import java.util.Set;
import java.util.TreeSet;

/** Who did something: a staff member with the realm roles they held at the time, or the platform itself. */
public record Actor(String name, Set<String> roles) {

    public static final Actor PLATFORM = new Actor("platform", Set.of());

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** The roles as one sorted, comma-separated text, as stored in the trail. */
    public String rolesText() {
        return String.join(",", new TreeSet<>(roles));
    }
}
