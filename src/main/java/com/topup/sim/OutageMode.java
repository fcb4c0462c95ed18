package com.topup.sim;

/** How a simulated supplier behaves during an outage. */
public enum OutageMode {
    /** Requests get no answer; the connection is dropped after a while. */
    TIMEOUT,
    /** Requests are answered 503 at once. */
    HTTP_503
}
