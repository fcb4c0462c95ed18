package com.topup.sim;

import java.util.Map;

/** An HTTP message the simulator writes: an answer to a request, or the request of a callback. */
record SimMessage(int status, String contentType, Map<String, String> headers, byte[] body) {
}
