package com.topup.channel.dispatch;

import com.topup.channel.adapter.ChannelAdapter;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Where supplier channels post their results: {@code POST /callbacks/channels/{channelCode}}, any body type. */
@Path("/callbacks/channels")
public class ChannelCallbackResource {

    private final ChannelCallbackService callbacks;

    public ChannelCallbackResource(ChannelCallbackService callbacks) {
        this.callbacks = callbacks;
    }

    @POST
    @Path("/{channelCode}")
    @Blocking
    public Response receive(@PathParam("channelCode") String channelCode, @Context HttpHeaders headers, byte[] body) {
        Map<String, String> lowerCase = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                lowerCase.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        ChannelAdapter.CallbackAck ack = callbacks.receive(channelCode, lowerCase, body == null ? new byte[0] : body);
        return Response.ok(ack.body(), ack.mediaType()).build();
    }
}
