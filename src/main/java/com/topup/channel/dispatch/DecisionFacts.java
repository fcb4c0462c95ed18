package com.topup.channel.dispatch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.common.db.Sql;
import com.topup.rules.model.ChannelFact;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A real order's facts as the rules would see them now, in the simulation input's shape, so an analyst can try
 * a draft on it: the order, the channels with their live figures (for fallback: those not yet tried), the last
 * failure and the latest anomaly. Nothing is changed.
 */
@ApplicationScoped
public class DecisionFacts {

    private final Sql sql;
    private final ChannelFactsBuilder channels;
    private final ObjectMapper json;

    public DecisionFacts(Sql sql, ChannelFactsBuilder channels, ObjectMapper json) {
        this.sql = sql;
        this.channels = channels;
        this.json = json;
    }

    @Transactional
    public Map<String, Object> of(String ruleSet, String orderId, Instant now) {
        Map<String, Object> order = sql.queryOne("""
                        select o.id, m.code as merchant_code, m.tier, o.carrier, o.province, o.city, o.face_value, o.price,
                               o.attempt_count, o.created_at, o.status
                        from topup_order o join merchant m on m.id = o.merchant_id where o.id = ?""",
                row -> {
                    Map<String, Object> fact = new LinkedHashMap<>();
                    fact.put("orderId", row.getString("id"));
                    fact.put("merchant", row.getString("merchant_code"));
                    fact.put("merchantTier", row.getString("tier"));
                    fact.put("carrier", row.getString("carrier"));
                    fact.put("province", row.getString("province"));
                    fact.put("city", row.getString("city"));
                    fact.put("faceValue", row.getLong("face_value"));
                    fact.put("price", row.getLong("price"));
                    fact.put("attempt", Math.max(1, row.getInt("attempt_count")));
                    fact.put("ageMillis", Math.max(0, Duration.between(Sql.instant(row, "created_at"), now).toMillis()));
                    fact.put("status", row.getString("status"));
                    return fact;
                }, orderId).orElseThrow(() -> new ApiException(404, "ORDER_NOT_FOUND", "No such order"));
        String status = (String) order.remove("status");
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("order", order);
        switch (ruleSet) {
            case "routing" -> facts.put("channels", channelFacts(Set.of(), order));
            case "fallback" -> {
                Set<String> tried = new HashSet<>(sql.query("select channel_code from channel_attempt where order_id = ?",
                        row -> row.getString("channel_code"), orderId));
                facts.put("failure", lastFailure(orderId).orElse(null));
                facts.put("channels", channelFacts(tried, order));
            }
            case "repair" -> facts.put("anomaly", latestAnomaly(orderId, status).orElse(null));
            default -> throw new ApiException(404, "RULESET_NOT_FOUND", "Rule sets are routing, fallback and repair");
        }
        return facts;
    }

    private List<Map<String, Object>> channelFacts(Set<String> tried, Map<String, Object> order) {
        return channels.untried(tried, (String) order.get("carrier"), (String) order.get("province"),
                (Long) order.get("faceValue")).stream().map(DecisionFacts::channel).toList();
    }

    private static Map<String, Object> channel(ChannelFact c) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("code", c.getCode());
        fact.put("carriers", c.getCarriers());
        fact.put("provinces", c.getProvinces());
        fact.put("faceValues", c.getFaceValues());
        fact.put("costRate", c.getCostRate());
        fact.put("successRate", c.getSuccessRate());
        fact.put("latencyP95Millis", c.getLatencyP95Millis());
        fact.put("predictedSuccess", c.getPredictedSuccess());
        fact.put("predictionConfidence", c.getPredictionConfidence());
        fact.put("predictionSampleSize", c.getPredictionSampleSize());
        fact.put("expectedLatencyMillis", c.getExpectedLatencyMillis());
        fact.put("inFlight", c.getInFlight());
        fact.put("capacity", c.getCapacity());
        fact.put("circuitState", c.getCircuitState());
        // no quota is Long.MAX_VALUE, which a browser cannot hold exactly: leave it out
        fact.put("remainingDailyQuota", c.getRemainingDailyQuota() == Long.MAX_VALUE ? null : c.getRemainingDailyQuota());
        return fact;
    }

    private Optional<Map<String, Object>> lastFailure(String orderId) {
        return sql.queryOne("""
                        select channel_code, error_class, error_code, latency_ms from channel_attempt
                        where order_id = ? and status = 'FAILED' order by attempt_no desc limit 1""",
                row -> {
                    Map<String, Object> failure = new LinkedHashMap<>();
                    failure.put("channel", row.getString("channel_code"));
                    failure.put("errorClass", row.getString("error_class") == null ? "UNKNOWN" : row.getString("error_class"));
                    failure.put("errorCode", row.getString("error_code"));
                    Integer latency = Sql.nullableInt(row, "latency_ms");
                    failure.put("elapsedMillis", latency == null ? 0 : latency);
                    return failure;
                }, orderId);
    }

    private Optional<Map<String, Object>> latestAnomaly(String orderId, String orderStatus) {
        return sql.queryOne("""
                        select kind, details::text as details from anomaly where order_id = ?
                        order by created_at desc, id desc limit 1""",
                row -> {
                    Map<String, Object> anomaly = new LinkedHashMap<>();
                    anomaly.put("kind", row.getString("kind"));
                    anomaly.put("orderId", orderId);
                    anomaly.put("orderStatus", orderStatus);
                    anomaly.putAll(details(row.getString("details")));
                    return anomaly;
                }, orderId);
    }

    private Map<String, Object> details(String text) {
        try {
            Map<String, Object> details = json.readValue(text, new TypeReference<Map<String, Object>>() { });
            details.keySet().retainAll(Set.of("channel", "secondChannel", "stuckMillis", "queriesSoFar", "lastQueryStatus",
                    "expectedAmount", "reportedAmount", "occurrences", "windowMillis"));
            return details;
        } catch (IOException e) {
            return Map.of();
        }
    }
}
