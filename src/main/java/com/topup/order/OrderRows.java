package com.topup.order;

import com.topup.common.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads the order body from a row selected with {@link #VIEW_COLUMNS} over {@code topup_order o} joined with
 * {@code merchant m}; every query that returns order bodies selects these columns by name.
 */
public final class OrderRows {

    /** The columns of an order view plus the merchant code, channel and status version. */
    public static final String VIEW_COLUMNS = """
            o.id, o.merchant_order_id, o.phone_masked, o.carrier, o.province, o.country, o.face_value, o.price,
            o.status, o.created_at, o.updated_at, o.finished_at, o.failure_code, m.code as merchant_code,
            o.channel_code""";

    private OrderRows() {
    }

    public static OrderView view(ResultSet row) throws SQLException {
        return new OrderView(row.getString("id"), row.getString("merchant_order_id"), row.getString("phone_masked"),
                row.getString("carrier"), row.getString("province"), row.getString("country"),
                row.getLong("face_value"), row.getLong("price"), row.getString("status"),
                Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"), Sql.instant(row, "finished_at"),
                row.getString("failure_code"));
    }

    public static StaffOrderView staffView(ResultSet row) throws SQLException {
        return StaffOrderView.of(view(row), row.getString("merchant_code"), row.getString("channel_code"));
    }
}
