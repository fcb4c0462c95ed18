package com.topup.channel.adapter;

import java.util.Map;

/**
 * The form-md5 protocol's answer codes and how each maps to our error classes.
 *
 * <pre>
 * code  meaning                                       submit answer           query answer  reversal answer
 * 0000  ok                                            ACCEPTED                see status    REVERSED
 * 1001  missing or malformed parameter                REJECTED                UNKNOWN       REFUSED
 * 1002  bad sign                                      REJECTED                UNKNOWN       REFUSED
 * 1003  order_no already taken                        UNKNOWN (query it)      UNKNOWN       REFUSED
 * 1004  number or carrier not served                  REJECTED                UNKNOWN       REFUSED
 * 1005  face value not served                         REJECTED                UNKNOWN       REFUSED
 * 1006  no such order                                 REJECTED                NOT_FOUND     REFUSED
 * 2001  out of stock                                  OUT_OF_STOCK            UNKNOWN       REFUSED
 * 2002  our prepaid account at the supplier too low   OUT_OF_STOCK            UNKNOWN       REFUSED
 * 3001  supplier under maintenance                    REJECTED                UNKNOWN       UNKNOWN
 * 4001  nothing charged under this sup_order_no       -                       -             REFUSED
 * 4002  reversal refused (the airtime is used)        -                       -             REFUSED
 * 4003  amount differs from the charge                -                       -             REFUSED
 * 4004  order still processing, no charge yet         -                       -             REFUSED
 * 9999  supplier internal error                       UNKNOWN (may be taken)  UNKNOWN       UNKNOWN
 * other                                               REJECTED                UNKNOWN       REFUSED
 * </pre>
 *
 * A statement ({@code bill}) answer other than 0000 leaves the statement unavailable.
 *
 * Query {@code status}: 1 processing, 2 succeeded, 9 failed, 404 not found. Callback {@code status}: 2 or 9. A failure's
 * {@code err_code} 2001 or 2002 makes the failure OUT_OF_STOCK, any other REJECTED.
 */
public final class FormMd5Codes {

    public static final String OK = "0000";
    public static final String BAD_PARAMETER = "1001";
    public static final String BAD_SIGN = "1002";
    public static final String DUPLICATE_ORDER = "1003";
    public static final String NUMBER_NOT_SERVED = "1004";
    public static final String FACE_VALUE_NOT_SERVED = "1005";
    public static final String ORDER_NOT_FOUND = "1006";
    public static final String OUT_OF_STOCK = "2001";
    public static final String ACCOUNT_BALANCE_LOW = "2002";
    public static final String MAINTENANCE = "3001";
    public static final String NOT_CHARGED = "4001";
    public static final String REVERSAL_REFUSED = "4002";
    public static final String REVERSAL_AMOUNT_MISMATCH = "4003";
    public static final String ORDER_PROCESSING = "4004";
    public static final String INTERNAL_ERROR = "9999";

    public static final String STATUS_PROCESSING = "1";
    public static final String STATUS_SUCCEEDED = "2";
    public static final String STATUS_FAILED = "9";
    public static final String STATUS_NOT_FOUND = "404";

    private static final Map<String, String> SUBMIT_CLASSES = Map.of(
            DUPLICATE_ORDER, "UNKNOWN",
            OUT_OF_STOCK, "OUT_OF_STOCK",
            ACCOUNT_BALANCE_LOW, "OUT_OF_STOCK",
            INTERNAL_ERROR, "UNKNOWN");

    private FormMd5Codes() {
    }

    /** The error class of a non-zero submit answer code: REJECTED, OUT_OF_STOCK or UNKNOWN (the order may be taken). */
    public static String submitErrorClass(String code) {
        return SUBMIT_CLASSES.getOrDefault(code, "REJECTED");
    }

    /** Whether a reversal answer with this non-zero code is an explicit refusal (else no usable answer: ask again). */
    public static boolean reversalRefused(String code) {
        return !MAINTENANCE.equals(code) && !INTERNAL_ERROR.equals(code);
    }

    /** The error class of a final failure carrying this {@code err_code}. */
    public static String failureClass(String errCode) {
        return OUT_OF_STOCK.equals(errCode) || ACCOUNT_BALANCE_LOW.equals(errCode) ? "OUT_OF_STOCK" : "REJECTED";
    }
}
