package com.topup.rules.model;

/** A channel the routing rules put forward, with its score and the reason. */
public record RouteCandidate(String channel, double score, String reason) {
}
