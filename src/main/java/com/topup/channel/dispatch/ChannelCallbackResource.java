package com.topup.channel.dispatch;

import com.topup.web.ErrorBody;
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
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @APIResponse(responseCode = "200", description = "The channel's acknowledgement, in its protocol.")
    @APIResponse(responseCode = "400", description = "INVALID_CALLBACK or a protocol error code: not a result this channel sends.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "BAD_SIGNATURE: not signed with the channel's secret.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "CHANNEL_NOT_FOUND, or ORDER_NOT_FOUND for an unknown attempt.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
    public CompletionStage<Response> receive(@PathParam("channelCode") String channelCode, @Context HttpHeaders headers,
                                             byte[] body) {
        Map<String, String> lowerCase = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                lowerCase.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return callbacks.receive(channelCode, lowerCase, body == null ? new byte[0] : body)
                .thenApply(ack -> Response.ok(ack.body(), ack.mediaType()).build());
    }
}
