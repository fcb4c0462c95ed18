package com.topup.bench;

/** A routing rule set to measure: a short name, how it ranks channels, and its DRL. */
record RoutingPolicy(String name, String description, String drl) {
}
