package com.topup.rules.model;

/** The order a decision is about, as rules see it. Money in fen, durations in milliseconds. */
public final class OrderFact {

    private final String orderId;
    private final String merchant;
    private final String merchantTier;
    private final String carrier;
    private final String province;
    private final String city;
    private final long faceValue;
    private final long price;
    private final int attempt;
    private final long ageMillis;

    public OrderFact(String orderId, String merchant, String merchantTier, String carrier, String province, String city,
                     long faceValue, long price, int attempt, long ageMillis) {
        this.orderId = orderId;
        this.merchant = merchant;
        this.merchantTier = merchantTier;
        this.carrier = carrier;
        this.province = province;
        this.city = city;
        this.faceValue = faceValue;
        this.price = price;
        this.attempt = attempt;
        this.ageMillis = ageMillis;
    }

    public String getOrderId() {
        return orderId;
    }

    /** The merchant's code, e.g. "demo-merchant". */
    public String getMerchant() {
        return merchant;
    }

    public String getMerchantTier() {
        return merchantTier;
    }

    /** CHINA_MOBILE, CHINA_UNICOM, CHINA_TELECOM or CHINA_BROADNET. */
    public String getCarrier() {
        return carrier;
    }

    /** Province in Chinese without suffix, e.g. "广东"; null when unknown. */
    public String getProvince() {
        return province;
    }

    public String getCity() {
        return city;
    }

    public long getFaceValue() {
        return faceValue;
    }

    public long getPrice() {
        return price;
    }

    /** 1 for the first channel attempt, 2 for the second … */
    public int getAttempt() {
        return attempt;
    }

    /** Time since the order was accepted. */
    public long getAgeMillis() {
        return ageMillis;
    }
}
