package com.topup.order;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every step of an order, from every feature, in time order. Steps at the same instant keep the order of the
 * order's life (an attempt before its result, a result before the finish, the finish before the callback).
 */
@ApplicationScoped
public class OrderTimeline {

    private static final List<String> LIFE_ORDER = List.of("ACCEPTED", "ANOMALY", "ATTEMPT", "QUERY", "CALLBACK",
            "CHANNEL_RESULT", "FALLBACK", "REPAIR", "OPERATOR_ACTION", "FINISHED", "LEDGER", "NOTIFICATION");

    private final List<TimelineSource> sources;

    public OrderTimeline(@All List<TimelineSource> sources) {
        this.sources = sources;
    }

    @Transactional
    public List<TimelineEntry> of(String orderId) {
        List<TimelineEntry> entries = new ArrayList<>();
        sources.forEach(source -> entries.addAll(source.entriesOf(orderId)));
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(e -> rank(e.kind())));
        return entries;
    }

    private static int rank(String kind) {
        int rank = LIFE_ORDER.indexOf(kind);
        return rank < 0 ? LIFE_ORDER.size() : rank;
    }
}
