package com.topup.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.channel.adapter.ChannelAdapter;
import com.topup.channel.adapter.ChannelEndpoint;
import com.topup.channel.adapter.ChannelHttp;
import com.topup.channel.adapter.FormMd5Adapter;
import com.topup.channel.adapter.JsonHmacAdapter;
import com.topup.channel.adapter.StatementLine;
import com.topup.channel.adapter.StatementResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.mutiny.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A busy day's statement (100,000 charges) written by each simulated protocol, carried over real HTTP and read by the
 * real adapter: every line arrives, and how long it takes is printed.
 */
class LargeStatementTest {

    private static final int CHARGES = 100_000;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final String SECRET = "large-statement-secret";

    private static Vertx vertx;
    private static HttpServer server;
    private static ChannelHttp http;
    private static List<StatementLine> stated;

    @BeforeAll
    static void start() throws Exception {
        SimOrderBook book = new SimOrderBook(CHARGES);
        SimSupplierState supplier = new SimSupplierState(new SimSupplierProfile("s", "S", "json-hmac", SECRET,
                new SupplierBehaviour(Map.of("CHINA_MOBILE", 1.0), 0, 0, null, null, null, List.of(), 0, 0, 0, 0, 0,
                        null, 0, null, 0)), Instant.EPOCH);
        Instant start = DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
        for (int i = 0; i < CHARGES; i++) {
            SimOrder order = book.putIfAbsent(new SimOrder("s", "A" + (1_000_000 + i) + "-1", "CHINA_MOBILE",
                    1_000 + i % 50 * 1_000, null, "S-" + Integer.toHexString(i), start, false, 0));
            order.charge(order.channelReference(), start.plusMillis(i * 800L));
            book.charged(order, DAY);
        }
        stated = new SimSettlement(book).statement(supplier, DAY);
        Map<String, SimProtocolCodec> codecs = Map.of("/json/statement", new JsonHmacSimCodec(), "/form/bill", new FormMd5SimCodec());
        vertx = Vertx.vertx();
        server = vertx.getDelegate().createHttpServer().requestHandler(request -> {
            SimProtocolCodec codec = codecs.get(request.path());
            SimMessage answer = codec.statement(SECRET, DAY, stated, System.currentTimeMillis());
            request.response().setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType());
            answer.headers().forEach(request.response()::putHeader);
            request.response().end(Buffer.buffer(answer.body()));
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        http = new ChannelHttp(vertx);
    }

    @AfterAll
    static void stop() {
        vertx.closeAndAwait();
    }

    @Test
    void aDayOfOneHundredThousandChargesIsReadWhole() {
        assertEquals(CHARGES, stated.size());
        read(new JsonHmacAdapter(http), "/json");
        read(new FormMd5Adapter(http), "/form");
    }

    private static void read(ChannelAdapter adapter, String path) {
        ChannelEndpoint endpoint = new ChannelEndpoint("s", adapter.protocol(),
                URI.create("http://127.0.0.1:" + server.actualPort() + path), SECRET, Duration.ofSeconds(20));
        long started = System.nanoTime();
        StatementResult cold = adapter.statement(endpoint, DAY);
        long coldMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        StatementResult statement = adapter.statement(endpoint, DAY);
        long warmMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("%s statement of %d charges written, carried and read in %d ms (first call: %d ms)%n",
                adapter.protocol(), statement.lines().size(), warmMillis, coldMillis);
        assertEquals(statement, cold);
        assertTrue(statement.available(), statement.errorClass() + " " + statement.message());
        assertEquals(CHARGES, statement.lines().size());
        StatementLine last = stated.get(CHARGES - 1);
        StatementLine read = statement.lines().get(CHARGES - 1);
        assertEquals(last.reference(), read.reference());
        assertEquals(last.channelReference(), read.channelReference());
        assertEquals(last.amount(), read.amount());
        assertEquals(last.chargedAt().getEpochSecond(), read.chargedAt().getEpochSecond());
    }
}
