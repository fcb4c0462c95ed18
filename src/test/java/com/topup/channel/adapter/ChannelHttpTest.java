package com.topup.channel.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpServer;
import io.vertx.mutiny.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The adapters over real HTTP against a bare Vert.x server: time limits and failures become UNKNOWN answers. */
class ChannelHttpTest {

    private static Vertx vertx;
    private static HttpServer server;
    private static ChannelHttp http;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.getDelegate().createHttpServer().requestHandler(request -> {
            switch (request.path()) {
                case "/silent/topup", "/silent/recharge", "/silent/query", "/silent/reverse", "/silent/statement",
                     "/silent/bill" -> { } // never answers
                case "/garbage/topup", "/garbage/recharge", "/garbage/reverse", "/garbage/statement", "/garbage/bill" ->
                        request.response().end("<html>hello</html>");
                case "/down/topup", "/down/reverse", "/down/statement", "/down/bill" -> request.response().setStatusCode(503).end();
                default -> request.response().setStatusCode(404).end();
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        http = new ChannelHttp(vertx);
    }

    @AfterAll
    static void stop() {
        http.close();
        vertx.closeAndAwait();
    }

    @Test
    void noAnswerWithinTheLimitIsATimeout() {
        SubmitResult json = new JsonHmacAdapter(http).submit(endpoint("json-hmac", "/silent", 300), request());
        assertEquals(SubmitOutcome.UNKNOWN, json.outcome());
        assertEquals("TIMEOUT", json.errorClass());
        assertTrue(json.elapsedMillis() >= 250 && json.elapsedMillis() < 2_000, "elapsed " + json.elapsedMillis());
        SubmitResult form = new FormMd5Adapter(http).submit(endpoint("form-md5", "/silent", 300), request());
        assertEquals("TIMEOUT", form.errorClass(), form.message());
        StatusResult query = new JsonHmacAdapter(http).query(endpoint("json-hmac", "/silent", 300), "R1");
        assertEquals(ChannelStatus.UNKNOWN, query.status());
        assertEquals("TIMEOUT", query.errorClass());
    }

    @Test
    void aClosedPortIsANetworkFailureThatCertainlyTookNothing() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ChannelEndpoint nowhere = new ChannelEndpoint("c", "json-hmac", URI.create("http://127.0.0.1:" + closedPort + "/x"), "s",
                Duration.ofSeconds(2));
        SubmitResult result = new JsonHmacAdapter(http).submit(nowhere, request());
        assertEquals(SubmitOutcome.REJECTED, result.outcome(), "a refused connection cannot have taken the order");
        assertEquals("NETWORK", result.errorClass());
    }

    @Test
    void garbageIsAnInvalidResponseAnd503ANetworkFailureThatTookNothing() {
        assertEquals("INVALID_RESPONSE", new JsonHmacAdapter(http).submit(endpoint("json-hmac", "/garbage", 2000), request()).errorClass());
        assertEquals("INVALID_RESPONSE", new FormMd5Adapter(http).submit(endpoint("form-md5", "/garbage", 2000), request()).errorClass());
        SubmitResult unavailable = new JsonHmacAdapter(http).submit(endpoint("json-hmac", "/down", 2000), request());
        assertEquals("NETWORK", unavailable.errorClass());
        assertEquals(SubmitOutcome.REJECTED, unavailable.outcome());
    }

    @Test
    void reversalsAndStatementsWithoutAUsableAnswerAreUnknownOrUnavailableWithinTheLimit() {
        for (ChannelAdapter adapter : new ChannelAdapter[] {new JsonHmacAdapter(http), new FormMd5Adapter(http)}) {
            long started = System.nanoTime();
            ReversalResult silent = adapter.reverse(endpoint(adapter.protocol(), "/silent", 300), "R1", "C1", 1000);
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(new ReversalResult(ReversalResult.Outcome.UNKNOWN, "TIMEOUT", silent.message()), silent);
            assertTrue(elapsedMillis >= 250 && elapsedMillis < 2_000, "elapsed " + elapsedMillis);
            assertEquals("INVALID_RESPONSE", adapter.reverse(endpoint(adapter.protocol(), "/garbage", 2000), "R1", "C1", 1000).errorCode());
            ReversalResult down = adapter.reverse(endpoint(adapter.protocol(), "/down", 2000), "R1", "C1", 1000);
            assertEquals(ReversalResult.Outcome.UNKNOWN, down.outcome(), "503: nothing reversed, ask again later");

            LocalDate day = LocalDate.of(2026, 3, 10);
            StatementResult timedOut = adapter.statement(endpoint(adapter.protocol(), "/silent", 300), day);
            assertFalse(timedOut.available());
            assertEquals("TIMEOUT", timedOut.errorClass());
            assertEquals("INVALID_RESPONSE", adapter.statement(endpoint(adapter.protocol(), "/garbage", 2000), day).errorClass());
            assertEquals("NETWORK", adapter.statement(endpoint(adapter.protocol(), "/down", 2000), day).errorClass());
        }
    }

    private static ChannelEndpoint endpoint(String protocol, String path, long timeoutMillis) {
        return new ChannelEndpoint("c", protocol, URI.create("http://127.0.0.1:" + server.actualPort() + path), "s",
                Duration.ofMillis(timeoutMillis));
    }

    private static SubmitRequest request() {
        return new SubmitRequest("R1", "13800138000", "CHINA_MOBILE", 1000, URI.create("http://127.0.0.1/cb"));
    }
}
