package com.topup.channel.dispatch;

import com.topup.common.db.Sql;
import com.topup.merchant.MerchantAccountService;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders written straight into the tables for a test, PROCESSING on a channel and never charged, and removed after it:
 * no scanner and no ledger check may meet them.
 */
final class UnchargedOrders {

    private final Sql sql;
    private final MerchantAccountService accounts;
    private final String merchantCode;
    private final List<String> ids = new ArrayList<>();

    /** Orders of the merchant {@code merchantCode}, opened when first needed. */
    UnchargedOrders(Sql sql, MerchantAccountService accounts, String merchantCode) {
        this.sql = sql;
        this.accounts = accounts;
        this.merchantCode = merchantCode;
    }

    /** A China Mobile order of 10 CNY, PROCESSING on {@code channel} with one attempt so far; its id. */
    String processing(String idPrefix, String channel) {
        long merchant = accounts.open(merchantCode, merchantCode, merchantCode + "-secret-0001", 9_850, 0).id;
        String orderId = idPrefix + System.nanoTime();
        ids.add(orderId);
        sql.update("""
                insert into topup_order (id, merchant_id, merchant_order_id, phone_cipher, phone_hash, phone_masked,
                                         country, carrier, face_value, price, status, attempt_count, channel_code,
                                         created_at, updated_at)
                values (?, ?, ?, ?, ?, '138****8000', 'CN', 'CHINA_MOBILE', 1000, 985, 'PROCESSING', 1, ?, now(), now())""",
                orderId, merchant, orderId, new byte[] {0}, orderId, channel);
        return orderId;
    }

    /** Every order written here, with what the platform wrote about them meanwhile. */
    void removeAll() {
        String[] written = ids.toArray(String[]::new);
        sql.update("delete from anomaly where order_id = any(?)", (Object) written);
        sql.update("delete from channel_query where order_id = any(?)", (Object) written);
        sql.update("delete from channel_attempt where order_id = any(?)", (Object) written);
        sql.update("delete from topup_order where id = any(?)", (Object) written);
        ids.clear();
    }
}
