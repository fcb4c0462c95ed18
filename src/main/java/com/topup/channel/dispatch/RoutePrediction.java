package com.topup.channel.dispatch;

import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.RouteCandidate;
import java.util.List;
import java.util.Optional;

/**
 * The predicted success of the channel an attempt went to and of the best other channel the routing rules ranked
 * (null when there was none), as the channel facts carried them at the decision.
 */
public record RoutePrediction(Double chosen, String bestAlternative, Double bestAlternativePredicted) {

    static RoutePrediction of(String chosenChannel, List<RouteCandidate> ranked, List<ChannelFact> facts) {
        Double chosen = fact(chosenChannel, facts).map(ChannelFact::getPredictedSuccess).orElse(null);
        ChannelFact best = null;
        for (RouteCandidate candidate : ranked) {
            if (candidate.channel().equals(chosenChannel)) {
                continue;
            }
            ChannelFact fact = fact(candidate.channel(), facts).orElse(null);
            if (fact != null && (best == null || fact.getPredictedSuccess() > best.getPredictedSuccess())) {
                best = fact;
            }
        }
        return best == null ? new RoutePrediction(chosen, null, null)
                : new RoutePrediction(chosen, best.getCode(), best.getPredictedSuccess());
    }

    private static Optional<ChannelFact> fact(String code, List<ChannelFact> facts) {
        return facts.stream().filter(f -> f.getCode().equals(code)).findFirst();
    }
}
