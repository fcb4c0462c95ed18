package com.topup.notify;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A merchant's callback endpoint for tests: each inbox records what it receives and can be told to answer 500
 * a number of times first.
 */
@Path("/test-merchant/callback")
public class TestMerchantReceiver {

    public record Received(String contentType, String eventId, String timestamp, String signature, String body) {
    }

    private static final Map<String, List<Received>> INBOXES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    public static void failNext(String inbox, int times) {
        FAILURES.computeIfAbsent(inbox, k -> new AtomicInteger()).set(times);
    }

    public static List<Received> received(String inbox) {
        return List.copyOf(INBOXES.getOrDefault(inbox, List.of()));
    }

    @POST
    @Path("/{inbox}")
    public Response receive(@PathParam("inbox") String inbox, @Context HttpHeaders headers, byte[] body) {
        INBOXES.computeIfAbsent(inbox, k -> new CopyOnWriteArrayList<>()).add(new Received(
                headers.getHeaderString("Content-Type"), headers.getHeaderString("X-Event-Id"),
                headers.getHeaderString("X-Timestamp"), headers.getHeaderString("X-Signature"),
                new String(body, StandardCharsets.UTF_8)));
        AtomicInteger failures = FAILURES.get(inbox);
        if (failures != null && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Response.serverError().entity("try later").build();
        }
        return Response.ok("ok").build();
    }
}
