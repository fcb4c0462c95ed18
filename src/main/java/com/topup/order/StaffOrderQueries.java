package com.topup.order;

import com.topup.common.db.Sql;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Any merchant's orders, for staff. The search is newest first with keyset pagination on (created_at, id); each
 * selective filter has an index that leads with it and continues with (created_at, id), so a page costs an index
 * range scan whatever the table's size (docs/ARCHITECTURE.md lists them).
 */
@ApplicationScoped
public class StaffOrderQueries {

    private static final String FROM = " from topup_order o join merchant m on m.id = o.merchant_id";

    private final Sql sql;
    private final OrderSearchParser parser;

    public StaffOrderQueries(Sql sql, OrderSearchParser parser) {
        this.sql = sql;
        this.parser = parser;
    }

    /** The order as this transaction sees it; 404 ORDER_NOT_FOUND. */
    @Transactional
    public StaffOrderView current(String orderId) {
        return sql.queryOne("select " + OrderRows.VIEW_COLUMNS + FROM + " where o.id = ?", OrderRows::staffView, orderId)
                .orElseThrow(() -> new ApiException(404, "ORDER_NOT_FOUND", "No such order"));
    }

    @Transactional
    public OrderPage search(OrderSearchParams params) {
        return parser.parse(params).map(this::search).orElse(new OrderPage(List.of(), null));
    }

    /** A page for filters already checked and resolved (see {@link OrderSearchParser}). */
    @Transactional
    public OrderPage search(OrderSearch search) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (search.status() != null) {
            where.append(" and o.status = ?");
            params.add(search.status().name());
        }
        if (search.merchantId() != null) {
            where.append(" and o.merchant_id = ?");
            params.add(search.merchantId());
        }
        if (search.merchantOrderId() != null) {
            where.append(" and o.merchant_order_id = ?");
            params.add(search.merchantOrderId());
        }
        if (search.phoneHash() != null) {
            where.append(" and o.phone_hash = ?");
            params.add(search.phoneHash());
        }
        if (search.carrier() != null) {
            where.append(" and o.carrier = ?");
            params.add(search.carrier());
        }
        if (search.channel() != null) {
            where.append(" and o.channel_code = ?");
            params.add(search.channel());
        }
        if (search.anomalyKind() != null) {
            where.append(" and o.id in (select a.order_id from anomaly a where a.kind = ? and a.order_id is not null)");
            params.add(search.anomalyKind());
        }
        if (search.from() != null) {
            where.append(" and o.created_at >= ?");
            params.add(search.from());
        }
        if (search.to() != null) {
            where.append(" and o.created_at < ?");
            params.add(search.to());
        }
        if (search.after() != null) {
            where.append(" and (o.created_at, o.id) < (?, ?)");
            params.add(search.after().createdAt());
            params.add(search.after().orderId());
        }
        params.add(search.limit() + 1);
        List<Row> rows = sql.query("select " + OrderRows.VIEW_COLUMNS + FROM + where
                        + " order by o.created_at desc, o.id desc limit ?",
                row -> new Row(OrderRows.staffView(row), row.getTimestamp("created_at").toInstant()), params.toArray());
        boolean more = rows.size() > search.limit();
        List<Row> page = more ? rows.subList(0, search.limit()) : rows;
        String next = more
                ? new OrderCursor(page.get(page.size() - 1).createdAt(), page.get(page.size() - 1).view().order().orderId())
                        .encode()
                : null;
        return new OrderPage(page.stream().map(Row::view).toList(), next);
    }

    private record Row(StaffOrderView view, Instant createdAt) {
    }
}
