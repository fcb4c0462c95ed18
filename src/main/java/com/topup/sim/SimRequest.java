package com.topup.sim;

/** A request read by a protocol codec: its content, or the answer that refuses it. */
record SimRequest<T>(T content, SimMessage refusal) {

    static <T> SimRequest<T> of(T content) {
        return new SimRequest<>(content, null);
    }

    static <T> SimRequest<T> refused(SimMessage refusal) {
        return new SimRequest<>(null, refusal);
    }

    boolean isRefused() {
        return refusal != null;
    }
}
