package com.topup.repair;

import com.topup.common.db.Sql;
import com.topup.rules.model.AnomalyKind;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The operators' anomaly queue: filtered, newest first, keyset-paginated by id. */
@ApplicationScoped
public class AnomalyQueries {

    static final int MAX_LIMIT = 200;

    private final Sql sql;
    private final AnomalyStore store;

    public AnomalyQueries(Sql sql, AnomalyStore store) {
        this.sql = sql;
        this.store = store;
    }

    @Transactional
    public AnomalyPage list(String status, String kind, String cursor, Integer limit) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        StringBuilder where = new StringBuilder("true");
        List<Object> params = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            where.append(" and a.status = ?");
            params.add(parse(AnomalyStatus.class, "status", status).name());
        }
        if (kind != null && !kind.isBlank()) {
            where.append(" and a.kind = ?");
            params.add(parse(AnomalyKind.class, "kind", kind).name());
        }
        if (cursor != null && !cursor.isBlank()) {
            where.append(" and a.id < ?");
            params.add(cursorId(cursor));
        }
        params.add(size + 1);
        List<AnomalyView> rows = sql.query("select " + AnomalyStore.VIEW_COLUMNS + " from " + AnomalyStore.VIEW_FROM
                + " where " + where + " order by a.id desc limit ?", store::view, params.toArray());
        boolean more = rows.size() > size;
        List<AnomalyView> page = more ? rows.subList(0, size) : rows;
        Map<String, Long> atStake = new TreeMap<>();
        sql.query("select kind, sum(amount_at_stake) as at_stake from anomaly where status = 'OPEN' group by kind",
                        row -> Map.entry(row.getString("kind"), row.getLong("at_stake")))
                .forEach(sum -> atStake.put(sum.getKey(), sum.getValue()));
        return new AnomalyPage(List.copyOf(page), store.openCounts(), atStake,
                more ? Long.toString(page.get(page.size() - 1).id()) : null);
    }

    /** Open anomalies per kind. */
    @Transactional
    public Map<String, Long> openCounts() {
        return store.openCounts();
    }

    @Transactional
    public AnomalyDetail get(long id) {
        AnomalyView anomaly = store.find(id)
                .orElseThrow(() -> new ApiException(404, "ANOMALY_NOT_FOUND", "No anomaly " + id));
        return new AnomalyDetail(anomaly, store.steps(id));
    }

    private static long cursorId(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw invalid("cursor", "cursor is not one this API gave");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "INVALID_REQUEST", field + " must be one of "
                    + Arrays.toString(type.getEnumConstants()), Map.of("field", field));
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(400, "INVALID_REQUEST", message, Map.of("field", field));
    }
}
