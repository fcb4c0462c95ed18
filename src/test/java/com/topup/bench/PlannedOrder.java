package com.topup.bench;

/** One order of a benchmark's order stream, with the carrier its number belongs to. */
record PlannedOrder(int index, String phone, String carrier, long faceValue) {

    /**
     * The merchant API request body; {@code run} keeps merchant order ids apart between runs, and a {@code notifyUrl}
     * that is not null asks for the result callback there.
     */
    String requestJson(String run, String notifyUrl) {
        return "{\"merchantOrderId\":\"" + run + "-" + index + "\",\"phone\":\"" + phone + "\",\"faceValue\":" + faceValue
                + (notifyUrl == null ? "" : ",\"notifyUrl\":\"" + notifyUrl + "\"") + "}";
    }
}
