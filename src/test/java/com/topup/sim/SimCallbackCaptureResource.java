package com.topup.sim;

import com.topup.channel.adapter.ChannelAdapter;
import com.topup.channel.adapter.ChannelAdapters;
import com.topup.channel.adapter.ChannelEndpoint;
import com.topup.channel.adapter.InvalidChannelCallback;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Test-only callback endpoint: verifies each simulated supplier's callback with the real adapter and records it. */
@Path("/test/sim-callbacks/{code}")
public class SimCallbackCaptureResource {

    private final SimSuppliers suppliers;
    private final ChannelAdapters adapters;
    private final CapturedCallbacks captured;

    public SimCallbackCaptureResource(SimSuppliers suppliers, ChannelAdapters adapters, CapturedCallbacks captured) {
        this.suppliers = suppliers;
        this.adapters = adapters;
        this.captured = captured;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@PathParam("code") String code, @Context HttpHeaders headers, byte[] body) {
        SimSupplier supplier = suppliers.find(code).orElseThrow(NotFoundException::new);
        ChannelAdapter adapter = adapters.forProtocol(supplier.protocol());
        ChannelEndpoint endpoint = new ChannelEndpoint(code, supplier.protocol(), suppliers.baseUrl(supplier),
                supplier.secret(), Duration.ofSeconds(2));
        Map<String, String> lowerCase = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        try {
            captured.add(adapter.parseCallback(endpoint, lowerCase, body == null ? new byte[0] : body));
        } catch (InvalidChannelCallback e) {
            return Response.status(400).entity(e.code()).type(MediaType.TEXT_PLAIN).build();
        }
        ChannelAdapter.CallbackAck ack = adapter.acknowledgement();
        return Response.ok(ack.body(), ack.mediaType()).build();
    }
}
