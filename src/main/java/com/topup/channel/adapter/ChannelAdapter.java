package com.topup.channel.adapter;

import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.Map;

/**
 * One supplier protocol. Calls block the calling (worker) thread for at most the endpoint's timeout (the submit also
 * comes without blocking) and never throw for network trouble: they answer UNKNOWN with an error class instead.
 */
public interface ChannelAdapter {

    /** The protocol name stored with a channel, e.g. {@code json-hmac}. */
    String protocol();

    /** Blocks the calling worker thread until the answer is in. */
    default SubmitResult submit(ChannelEndpoint channel, SubmitRequest request) {
        return submitAsync(channel, request).await().indefinitely();
    }

    /** The submit without blocking: the answer arrives on an event loop; never fails, as the blocking call. */
    Uni<SubmitResult> submitAsync(ChannelEndpoint channel, SubmitRequest request);

    StatusResult query(ChannelEndpoint channel, String reference);

    /**
     * Asks the channel to take back one charge: the one it made for our {@code reference} under
     * {@code channelReference} (for a duplicate charge, the second one), of {@code amount} fen. REVERSED also when it
     * was reversed before (asking again changes nothing); REFUSED with the supplier's code when it says no; UNKNOWN
     * when no usable answer came (network, timeout, 5xx, garbage, bad signature).
     */
    ReversalResult reverse(ChannelEndpoint channel, String reference, String channelReference, long amount);

    /**
     * The supplier's statement of the charges it made on one UTC day and has not reversed: one line per charge (an
     * order charged twice has two lines, same reference). Unavailable when no complete, correctly signed statement came.
     */
    StatementResult statement(ChannelEndpoint channel, LocalDate day);

    /**
     * Verifies and reads a callback the channel posted to us. Header names are lower case.
     */
    ChannelCallback parseCallback(ChannelEndpoint channel, Map<String, String> headers, byte[] body)
            throws InvalidChannelCallback;

    /** The body the channel expects as acknowledgement of a callback, with its media type. */
    CallbackAck acknowledgement();

    record CallbackAck(String mediaType, String body) {
    }
}
