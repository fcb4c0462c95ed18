package com.topup.web;

/** Names in the OpenAPI document: the merchant signature schemes and the shared error answers (see package-info). */
public final class OpenApiNames {

    public static final String MERCHANT_ID = "merchantId";
    public static final String TIMESTAMP = "timestamp";
    public static final String NONCE = "nonce";
    public static final String SIGNATURE = "signature";

    public static final String INVALID_REQUEST = "InvalidRequest";
    public static final String MERCHANT_UNAUTHORIZED = "MerchantUnauthorized";
    public static final String MERCHANT_FORBIDDEN = "MerchantForbidden";
    public static final String RATE_LIMITED = "RateLimited";
    public static final String INSUFFICIENT_BALANCE = "InsufficientBalance";
    public static final String ORDER_NOT_FOUND = "OrderNotFound";
    public static final String DUPLICATE_ORDER = "DuplicateMerchantOrderId";
    public static final String UNPROCESSABLE_ORDER = "UnprocessableOrder";
    public static final String INVALID_PHONE = "InvalidPhone";

    private OpenApiNames() {
    }
}
