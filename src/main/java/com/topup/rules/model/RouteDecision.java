package com.topup.rules.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What routing rules fill in: channels proposed with a score, channels excluded (an exclusion always wins,
 * whatever the rule order), and optionally a weighted random pick that puts one candidate first.
 */
public final class RouteDecision {

    private static final Comparator<RouteCandidate> BY_SCORE =
            Comparator.comparingDouble(RouteCandidate::score).reversed().thenComparing(RouteCandidate::channel);

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

    /** Whether at least one proposed channel is not excluded. */
    public boolean hasCandidates() {
        for (String code : proposed.keySet()) {
            if (!excluded.containsKey(code)) {
                return true;
            }
        }
        return false;
    }

    /** Picks one candidate with probability proportional to its score and ranks it first. */
    public void pickWeighted(RuleRandom random) {
        List<RouteCandidate> eligible = byScore();
        if (eligible.isEmpty()) {
            return;
        }
        double total = 0;
        for (RouteCandidate candidate : eligible) {
            total += Math.max(0, candidate.score());
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
        List<RouteCandidate> ranked = byScore();
        if (picked != null) {
            for (int i = 1; i < ranked.size(); i++) {
                if (ranked.get(i).channel().equals(picked)) {
                    ranked.add(0, ranked.remove(i));
                    break;
                }
            }
        }
        return ranked;
    }

    /** Channel code → why it was excluded. */
    public Map<String, String> getExcluded() {
        return Map.copyOf(excluded);
    }

    private List<RouteCandidate> byScore() {
        List<RouteCandidate> eligible = new ArrayList<>(proposed.size());
        for (RouteCandidate candidate : proposed.values()) {
            if (!excluded.containsKey(candidate.channel())) {
                eligible.add(candidate);
            }
        }
        eligible.sort(BY_SCORE);
        return eligible;
    }
}
