package com.topup.sim;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The simulated suppliers over HTTP: {@code POST /sim/{supplier}/{operation}} (the protocol's submit, {@code query},
 * its reversal and its statement) on the event loop, answers delayed with timers. Not installed at all when the
 * simulator is off, so every /sim path is 404.
 */
@Singleton
public class SimRoutes {

    /** A request held during a TIMEOUT outage is dropped after this, should the caller still wait. */
    private static final long HOLD_MS = 60_000;
    private static final int BODY_LIMIT = 64 * 1024;

    private final SimConfig config;
    private final SupplierSimulator simulator;

    public SimRoutes(SimConfig config, SupplierSimulator simulator) {
        this.config = config;
        this.simulator = simulator;
    }

    void install(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        router.post("/sim/:supplier/:operation").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        router.post("/sim/:supplier/:operation").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        SimSupplierState supplier = simulator.supplier(ctx.pathParam("supplier")).orElse(null);
        SimProtocolCodec codec = supplier == null ? null : simulator.codec(supplier.protocol());
        Operation operation = codec == null ? null : operation(codec, ctx.pathParam("operation"));
        if (operation == null) {
            notFound(ctx);
            return;
        }
        OutageMode outage = simulator.outageNow(supplier);
        if (outage != null) {
            supplier.stats().outageRefusals.increment();
            if (outage == OutageMode.HTTP_503) {
                ctx.response().setStatusCode(503).putHeader("Content-Type", "text/plain").end("service unavailable");
            } else {
                hold(ctx);
            }
            return;
        }
        Map<String, String> headers = new HashMap<>();
        ctx.request().headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        Buffer buffer = ctx.body().buffer();
        byte[] body = buffer == null ? new byte[0] : buffer.getBytes();
        operation.serve(ctx, supplier, codec, headers, body);
    }

    /** One operation of a simulated supplier; headers are lower case. */
    @FunctionalInterface
    private interface Operation {
        void serve(RoutingContext ctx, SimSupplierState supplier, SimProtocolCodec codec, Map<String, String> headers,
                   byte[] body);
    }

    private Operation operation(SimProtocolCodec codec, String name) {
        if (codec.submitOperation().equals(name)) {
            return this::serveSubmit;
        }
        if ("query".equals(name)) {
            return this::serveQuery;
        }
        if (codec.reversalOperation().equals(name)) {
            return this::serveReversal;
        }
        if (codec.statementOperation().equals(name)) {
            return this::serveStatement;
        }
        return null;
    }

    private void serveSubmit(RoutingContext ctx, SimSupplierState supplier, SimProtocolCodec codec,
                             Map<String, String> headers, byte[] body) {
        SimRequest<SimSubmit> request = codec.readSubmit(supplier.secret(), headers, body, System.currentTimeMillis());
        if (request.isRefused()) {
            supplier.stats().badRequests.increment();
            write(ctx, request.refusal());
            return;
        }
        SubmitDecision decision = simulator.submit(supplier, request.content());
        answerLater(ctx, decision.answerDelayMs(), () -> decision.accepted()
                ? codec.accepted(supplier.secret(), decision.channelReference(), System.currentTimeMillis())
                : codec.refused(supplier.secret(), decision.immediate(), System.currentTimeMillis()));
    }

    private void serveQuery(RoutingContext ctx, SimSupplierState supplier, SimProtocolCodec codec,
                            Map<String, String> headers, byte[] body) {
        SimRequest<String> request = codec.readQuery(supplier.secret(), headers, body, System.currentTimeMillis());
        if (request.isRefused()) {
            supplier.stats().badRequests.increment();
            write(ctx, request.refusal());
            return;
        }
        String reference = request.content();
        QueryFate fate = simulator.query(supplier, reference);
        answerLater(ctx, fate.delayMs(), () -> fate.fails()
                ? codec.queryFailed(supplier.secret(), System.currentTimeMillis())
                : codec.status(supplier.secret(), reference,
                        simulator.order(supplier.code(), reference).orElse(null), System.currentTimeMillis()));
    }

    private void serveReversal(RoutingContext ctx, SimSupplierState supplier, SimProtocolCodec codec,
                               Map<String, String> headers, byte[] body) {
        SimRequest<SimReversal> request = codec.readReversal(supplier.secret(), headers, body, System.currentTimeMillis());
        if (request.isRefused()) {
            supplier.stats().badRequests.increment();
            write(ctx, request.refusal());
            return;
        }
        SimSettlement.ReversalDecision decision = simulator.reverse(supplier, request.content());
        answerLater(ctx, decision.answerDelayMs(),
                () -> codec.reversal(supplier.secret(), request.content(), decision.verdict(), System.currentTimeMillis()));
    }

    private void serveStatement(RoutingContext ctx, SimSupplierState supplier, SimProtocolCodec codec,
                                Map<String, String> headers, byte[] body) {
        SimRequest<LocalDate> request = codec.readStatement(supplier.secret(), headers, body, System.currentTimeMillis());
        if (request.isRefused()) {
            supplier.stats().badRequests.increment();
            write(ctx, request.refusal());
            return;
        }
        LocalDate day = request.content();
        // A busy day is a large answer: it is gathered and signed on a worker, not on the event loop.
        ctx.vertx().setTimer(Math.max(1, simulator.statementDelayMs(supplier, day)), id -> ctx.vertx().executeBlocking(
                () -> codec.statement(supplier.secret(), day, simulator.statement(supplier, day), System.currentTimeMillis()),
                false).onComplete(answer -> {
                    if (answer.succeeded()) {
                        write(ctx, answer.result());
                    } else {
                        ctx.fail(answer.cause());
                    }
                }));
    }

    private static void answerLater(RoutingContext ctx, long delayMs, Supplier<SimMessage> answer) {
        if (delayMs < 1) {
            write(ctx, answer.get());
            return;
        }
        ctx.vertx().setTimer(delayMs, id -> write(ctx, answer.get()));
    }

    private static void write(RoutingContext ctx, SimMessage message) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(message.status()).putHeader("Content-Type", message.contentType());
        message.headers().forEach(response::putHeader);
        response.end(Buffer.buffer(message.body()));
    }

    private static void hold(RoutingContext ctx) {
        ctx.vertx().setTimer(HOLD_MS, id -> {
            if (!ctx.response().ended() && !ctx.response().closed()) {
                ctx.request().connection().close();
            }
        });
    }

    private static void notFound(RoutingContext ctx) {
        ctx.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("code", "NOT_FOUND").put("message", "No such simulated supplier or operation").encode());
    }
}
