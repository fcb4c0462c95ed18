package com.topup.instruction.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local endpoint that speaks the OpenAI chat-completions protocol ({@code POST /v1/chat/completions}) on a free
 * loopback port. What it answers for a user message is scripted: an assistant message, an HTTP error or a delay;
 * unscripted messages get an answer with no top-ups. Scripts can also be set over HTTP ({@code PUT /script}), for
 * tests that only know the URL. Every chat request is kept for the test to inspect.
 */
public final class ChatCompletionsServer implements AutoCloseable {

    /** What to answer: {@code content} with HTTP 200 after {@code delay}, or only {@code status} when it is not 200. */
    public record Reply(int status, String content, Duration delay) {

        public static Reply content(String content) {
            return new Reply(200, content, Duration.ZERO);
        }

        public static Reply status(int status) {
            return new Reply(status, null, Duration.ZERO);
        }

        public static Reply late(String content, Duration delay) {
            return new Reply(200, content, delay);
        }
    }

    /** A chat request as received. */
    public record Received(String authorization, JsonNode body) {

        public String userMessage() {
            for (JsonNode message : body.path("messages")) {
                if ("user".equals(message.path("role").asText())) {
                    return message.path("content").asText();
                }
            }
            return null;
        }
    }

    public static final String NOTHING = "{\"topUps\":[],\"unclear\":[]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Reply> script = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public ChatCompletionsServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/chat/completions", this::chat);
        server.createContext("/script", this::script);
        server.start();
    }

    /** The base URL to configure, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public void answer(String userMessage, Reply reply) {
        script.put(userMessage, reply);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void chat(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            Received request = new Received(exchange.getRequestHeaders().getFirst("Authorization"), body);
            received.add(request);
            Reply reply = script.getOrDefault(String.valueOf(request.userMessage()), Reply.content(NOTHING));
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            if (reply.status() != 200) {
                send(exchange, reply.status(), "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}");
                return;
            }
            ObjectNode answer = JSON.createObjectNode();
            answer.put("id", "chatcmpl-" + received.size());
            answer.put("object", "chat.completion");
            answer.put("created", System.currentTimeMillis() / 1000);
            answer.put("model", body.path("model").asText());
            ObjectNode choice = answer.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", reply.content());
            choice.put("finish_reason", "stop");
            answer.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
            send(exchange, 200, JSON.writeValueAsString(answer));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code PUT /script {"user": "…", "status": 200, "content": "…", "delayMillis": 0}}. */
    private void script(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            answer(body.path("user").asText(), new Reply(body.path("status").asInt(200),
                    body.path("content").asText(null), Duration.ofMillis(body.path("delayMillis").asLong(0))));
            send(exchange, 204, null);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
