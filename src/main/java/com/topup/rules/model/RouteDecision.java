package com.topup.rules.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What routing rules fill in: channels proposed with a score, channels excluded (an exclusion always wins,
 * whatever the rule order), and optionally a weighted random pick that puts one candidate first.
 */
public final class RouteDecision {

    private final Map<String, RouteCandidate> proposed = new LinkedHashMap<>();
    private final Map<String, String> excluded = new LinkedHashMap<>();
    private String picked;

    /** Proposes a channel; a later proposal of the same channel replaces the earlier one. */
    public void propose(ChannelFact channel, double score, String reason) {
        proposed.put(channel.getCode(), new RouteCandidate(channel.getCode(), score, reason));
    }

    public void exclude(ChannelFact channel, String reason) {
        excluded.put(channel.getCode(), reason);
    }

    public boolean isExcluded(ChannelFact channel) {
        return excluded.containsKey(channel.getCode());
    }

    /** Whether at least one proposed channel is not excluded. */
    public boolean hasCandidates() {
        return proposed.keySet().stream().anyMatch(code -> !excluded.containsKey(code));
    }

    /** Picks one candidate with probability proportional to its score and ranks it first. */
    public void pickWeighted(RuleRandom random) {
        List<RouteCandidate> eligible = byScore();
        double total = eligible.stream().mapToDouble(c -> Math.max(0, c.score())).sum();
        if (eligible.isEmpty()) {
            return;
        }
        if (total <= 0) {
            picked = eligible.get(0).channel();
            return;
        }
        double draw = random.nextDouble() * total;
        for (RouteCandidate candidate : eligible) {
            draw -= Math.max(0, candidate.score());
            if (draw < 0) {
                picked = candidate.channel();
                return;
            }
        }
        picked = eligible.get(eligible.size() - 1).channel();
    }

    /** Eligible channels in the order to try them: the weighted pick (if any) first, then by score. */
    public List<RouteCandidate> getRanked() {
        List<RouteCandidate> ranked = new ArrayList<>(byScore());
        if (picked != null) {
            ranked.stream().filter(c -> c.channel().equals(picked)).findFirst().ifPresent(first -> {
                ranked.remove(first);
                ranked.add(0, first);
            });
        }
        return ranked;
    }

    /** Channel code → why it was excluded. */
    public Map<String, String> getExcluded() {
        return Map.copyOf(excluded);
    }

    public Set<String> getProposedChannels() {
        return new LinkedHashSet<>(proposed.keySet());
    }

    private List<RouteCandidate> byScore() {
        return proposed.values().stream()
                .filter(c -> !excluded.containsKey(c.channel()))
                .sorted(Comparator.comparingDouble(RouteCandidate::score).reversed().thenComparing(RouteCandidate::channel))
                .toList();
    }
}
