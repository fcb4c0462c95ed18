package com.topup.sim;

import com.topup.channel.adapter.StatementLine;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The server side of one channel protocol: reading our requests and writing the supplier's answers and callbacks. */
interface SimProtocolCodec {

    String protocol();

    /** The supplier's error code for an accepted order that ends FAILED. */
    String failureCode();

    /** The path segment of a submit below the supplier's base path (a status query is {@code query}). */
    String submitOperation();

    /** The path segment of a reversal. */
    String reversalOperation();

    /** The path segment of a daily statement. */
    String statementOperation();

    /** Headers are lower case. */
    SimRequest<SimSubmit> readSubmit(String secret, Map<String, String> headers, byte[] body, long nowMillis);

    /** The reference asked about. */
    SimRequest<String> readQuery(String secret, Map<String, String> headers, byte[] body, long nowMillis);

    SimMessage accepted(String secret, String channelReference, long nowMillis);

    SimMessage refused(String secret, OrderFate.Immediate reason, long nowMillis);

    /** The status answer; order null when the supplier has no such reference. */
    SimMessage status(String secret, String reference, SimOrder.View order, long nowMillis);

    SimMessage queryFailed(String secret, long nowMillis);

    SimRequest<SimReversal> readReversal(String secret, Map<String, String> headers, byte[] body, long nowMillis);

    SimMessage reversal(String secret, SimReversal request, SimReversal.Verdict verdict, long nowMillis);

    /** The UTC day asked for. */
    SimRequest<LocalDate> readStatement(String secret, Map<String, String> headers, byte[] body, long nowMillis);

    SimMessage statement(String secret, LocalDate day, List<StatementLine> lines, long nowMillis);

    /** A callback reporting the order's final state under the given channel reference. */
    SimMessage callback(String secret, SimOrder.View order, String channelReference, long nowMillis);

    /** Whether the platform's answer to a callback acknowledges it. */
    boolean acknowledges(int status, String body);
}
