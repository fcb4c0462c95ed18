package com.topup.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A simulated supplier at run time: its identity, its current behaviour, its outage windows and its counters. */
final class SimSupplierState {

    /** {@code planned}: from a behaviour's schedule (replaced with the behaviour), else set through the API. */
    private record Window(Instant from, Instant until, boolean planned) {
    }

    private final SimSupplierProfile profile;
    private final SimStats stats = new SimStats();
    private volatile SupplierBehaviour behaviour;
    private List<Window> outages = List.of();

    SimSupplierState(SimSupplierProfile profile, Instant now) {
        this.profile = profile;
        replaceBehaviour(profile.behaviour(), now);
    }

    String code() {
        return profile.code();
    }

    String name() {
        return profile.name() == null ? profile.code() : profile.name();
    }

    String protocol() {
        return profile.protocol();
    }

    String secret() {
        return profile.secret();
    }

    SupplierBehaviour behaviour() {
        return behaviour;
    }

    SimStats stats() {
        return stats;
    }

    /** The new behaviour's planned outages count from {@code now}; an outage set through the API stays. */
    synchronized void replaceBehaviour(SupplierBehaviour replacement, Instant now) {
        List<Window> windows = new ArrayList<>();
        for (Window window : outages) {
            if (!window.planned() && window.until().isAfter(now)) {
                windows.add(window);
            }
        }
        for (OutageWindow planned : replacement.outages()) {
            Instant from = now.plusSeconds(planned.afterSeconds());
            windows.add(new Window(from, from.plusSeconds(planned.seconds()), true));
        }
        outages = List.copyOf(windows);
        behaviour = replacement;
    }

    /** An outage from now for the given time; zero ends every outage under way. */
    synchronized void outageFor(Duration length, Instant now) {
        List<Window> windows = new ArrayList<>();
        for (Window window : outages) {
            if (window.from().isAfter(now)) {
                windows.add(window);
            } else if (window.until().isAfter(now) && !length.isZero()) {
                windows.add(window);
            }
        }
        if (!length.isZero()) {
            windows.add(new Window(now, now.plus(length), false));
        }
        outages = List.copyOf(windows);
    }

    synchronized boolean inOutage(Instant now) {
        return outages.stream().anyMatch(w -> !now.isBefore(w.from()) && now.isBefore(w.until()));
    }

    /** When the outage under way ends (the latest end among the windows covering now), or null. */
    synchronized Instant outageUntil(Instant now) {
        return outages.stream().filter(w -> !now.isBefore(w.from()) && now.isBefore(w.until()))
                .map(Window::until).max(Instant::compareTo).orElse(null);
    }
}
