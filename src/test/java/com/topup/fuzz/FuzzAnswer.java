package com.topup.fuzz;

/** The status and body the app gave to one generated request. */
record FuzzAnswer(int status, String body) {

    boolean refused() {
        return status >= 400;
    }

    /** A contract error body names its code. */
    boolean hasErrorCode() {
        return body != null && body.contains("\"code\"");
    }
}
