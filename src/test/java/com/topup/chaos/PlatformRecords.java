package com.topup.chaos;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the load's orders from the platform's PostgreSQL, by the merchant order ids the load sent. */
final class PlatformRecords {

    private static final String QUERY = """
            select o.id, o.merchant_order_id, o.status, o.created_at, o.finished_at,
              (select count(*) from ledger_entry l where l.order_id = o.id and l.kind = 'DEBIT'),
              (select count(*) from ledger_entry l where l.order_id = o.id and l.kind = 'REFUND'),
              (select count(*) from ledger_entry l where l.order_id = o.id and l.kind = 'RECHARGE'),
              array(select a.kind from anomaly a where a.order_id = o.id order by a.id),
              (select count(*) from anomaly a where a.order_id = o.id and a.status <> 'RESOLVED'),
              array(select t.id from channel_attempt t where t.order_id = o.id order by t.attempt_no),
              (select t.channel_code || ' ' || t.status || coalesce(' ' || t.error_code, '') || ' queried ' || t.query_count
                 from channel_attempt t where t.order_id = o.id order by t.attempt_no desc limit 1),
              (select n.status || ' after ' || n.attempts || ' tries' from merchant_notification n
                 where n.order_id = o.id order by n.id desc limit 1)
            from topup_order o join merchant m on m.id = o.merchant_id
            where m.code = ? and o.merchant_order_id = any(?)""";

    private final Connection db;

    PlatformRecords(Connection db) {
        this.db = db;
    }

    /** The orders the platform has under these merchant order ids, keyed by merchant order id. */
    Map<String, OrderRecord> read(Collection<String> merchantOrderIds) throws SQLException {
        Map<String, OrderRecord> out = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(QUERY)) {
            Array ids = db.createArrayOf("text", merchantOrderIds.toArray());
            query.setString(1, SignedOrders.MERCHANT);
            query.setArray(2, ids);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    OrderRecord record = new OrderRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                            instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), rs.getInt(6), rs.getInt(7),
                            rs.getInt(8), strings(rs.getArray(9)), rs.getInt(10), strings(rs.getArray(11)),
                            rs.getString(12), rs.getString(13));
                    out.put(record.merchantOrderId(), record);
                }
            }
            ids.free();
        }
        return out;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
