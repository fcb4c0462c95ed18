package com.topup.order;

import com.topup.carrier.Carrier;
import com.topup.carrier.CarrierService;
import com.topup.common.crypto.PhoneCrypto;
import com.topup.common.db.Sql;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the search parameters and turns them into filters: the full phone number into its keyed hash (the number is
 * never stored or compared in clear), the merchant's code into its id. A merchant code that names no merchant
 * matches nothing.
 */
@ApplicationScoped
public class OrderSearchParser {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final CarrierService carriers;
    private final PhoneCrypto phones;
    private final Sql sql;

    public OrderSearchParser(CarrierService carriers, PhoneCrypto phones, Sql sql) {
        this.carriers = carriers;
        this.phones = phones;
        this.sql = sql;
    }

    /** Empty when a filter can match no order (an unknown merchant). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<OrderSearch> parse(OrderSearchParams params) {
        int limit = params.limit() == null ? DEFAULT_LIMIT : params.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        OrderStatus status = blank(params.status()) ? null : parseEnum(OrderStatus.class, "status", params.status());
        String carrier = blank(params.carrier()) ? null : parseEnum(Carrier.class, "carrier", params.carrier()).name();
        String anomaly = blank(params.anomaly()) ? null : params.anomaly();
        Long merchantId = null;
        if (!blank(params.merchant())) {
            merchantId = sql.queryLong("select id from merchant where code = ?", params.merchant());
            if (merchantId == null) {
                return Optional.empty();
            }
        }
        String phoneHash = null;
        if (!blank(params.phone())) {
            try {
                phoneHash = phones.hash(carriers.parseMobile(params.phone()).e164());
            } catch (ApiException e) {
                throw invalid("phone", "phone must be a full mobile number: " + e.getMessage());
            }
        }
        OrderCursor after = null;
        if (!blank(params.cursor())) {
            after = OrderCursor.decode(params.cursor()).orElseThrow(() -> invalid("cursor", "cursor is not one this API gave"));
        }
        return Optional.of(new OrderSearch(status, merchantId, blank(params.merchantOrderId()) ? null : params.merchantOrderId(),
                phoneHash, carrier, blank(params.channel()) ? null : params.channel(), anomaly,
                instant("from", params.from()), instant("to", params.to()), after, limit));
    }

    private static Instant instant(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " must be an ISO-8601 UTC time such as 2026-11-30T08:00:00Z");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw invalid(field, field + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(400, "INVALID_REQUEST", message, Map.of("field", field));
    }
}
