package com.topup.order;

/** Fen written as yuan for people: 9850 → "98.50 CNY". */
public final class Money {

    private Money() {
    }

    public static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        return sign + abs / 100 + "." + String.format("%02d", abs % 100) + " CNY";
    }
}
