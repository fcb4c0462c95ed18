import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small signing client for the merchant API (CONTRACT §1), run by bin/merchant.
 * Environment: TOPUP_URL (http://127.0.0.1:8080), TOPUP_MERCHANT (demo-merchant), TOPUP_SECRET (demo-merchant-secret).
 */
public class MerchantClient {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        String base = env("TOPUP_URL", "http://127.0.0.1:8080");
        String merchant = env("TOPUP_MERCHANT", "demo-merchant");
        String secret = env("TOPUP_SECRET", merchant + "-secret");
        String method;
        String path;
        String body = "";
        switch (args[0]) {
            case "place" -> {
                need(args, 4);
                method = "POST";
                path = "/api/v1/orders";
                body = "{\"merchantOrderId\":\"" + args[1] + "\",\"phone\":\"" + args[2] + "\",\"faceValue\":" + args[3]
                        + (args.length > 4 ? ",\"notifyUrl\":\"" + args[4] + "\"" : "") + "}";
            }
            case "batch" -> {
                need(args, 2);
                method = "POST";
                path = "/api/v1/orders/batch";
                body = Files.readString(Path.of(args[1]));
            }
            case "get" -> {
                need(args, 2);
                method = "GET";
                path = "/api/v1/orders/" + args[1];
            }
            case "find" -> {
                need(args, 2);
                method = "GET";
                path = "/api/v1/orders?merchantOrderId=" + args[1];
            }
            case "balance" -> {
                method = "GET";
                path = "/api/v1/balance";
            }
            case "lookup" -> {
                need(args, 2);
                method = "GET";
                path = "/api/v1/carriers/lookup?phone=" + java.net.URLEncoder.encode(args[1], StandardCharsets.UTF_8);
            }
            case "say" -> {
                need(args, 2);
                System.exit(Say.run(new Signer(base, merchant, secret), args));
                return;
            }
            case "raw" -> {
                need(args, 3);
                method = args[1].toUpperCase();
                path = args[2];
                body = args.length > 3 ? args[3] : "";
            }
            default -> {
                usage();
                System.exit(2);
                return;
            }
        }
        HttpResponse<String> response = new Signer(base, merchant, secret).send(method, path, body);
        System.out.println("HTTP " + response.statusCode());
        System.out.println(response.body());
        System.exit(response.statusCode() < 400 ? 0 : 1);
    }

    private static void need(String[] args, int n) {
        if (args.length < n) {
            usage();
            System.exit(2);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void usage() {
        System.out.println("""
                usage: bin/merchant COMMAND
                  place MERCHANT_ORDER_ID PHONE FACE_VALUE_FEN [NOTIFY_URL]   place a top-up
                  batch FILE.json                                             place {"orders": [...]}
                  get ORDER_ID                                                one order
                  find MERCHANT_ORDER_ID                                      an order by your own id
                  balance                                                     your prepaid balance
                  lookup PHONE                                                carrier, province, face values
                  say "TEXT" [PREFIX]                                         an instruction in plain language: shows what
                                                                              was understood, asks, then places the orders
                                                                              (merchant order ids PREFIX-1, PREFIX-2, …)
                  raw METHOD PATH [BODY]                                      any signed request
                environment: TOPUP_URL (http://127.0.0.1:8080), TOPUP_MERCHANT (demo-merchant),
                             TOPUP_SECRET (<merchant>-secret)""");
    }

    /** Signs requests as CONTRACT §1 says and sends them. */
    record Signer(String base, String merchant, String secret) {

        HttpResponse<String> send(String method, String path, String body) throws Exception {
            byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
            String timestamp = Long.toString(System.currentTimeMillis());
            String nonce = UUID.randomUUID().toString().replace("-", "");
            String canonical = method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bodyBytes));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("X-Merchant-Id", merchant)
                    .header("X-Timestamp", timestamp)
                    .header("X-Nonce", nonce)
                    .header("X-Signature", signature);
            if (bodyBytes.length > 0) {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(bodyBytes));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** bin/merchant say: understand, show, ask, confirm. */
    static final class Say {

        static int run(Signer signer, String[] args) throws Exception {
            String text = args[1];
            HttpResponse<String> understood = signer.send("POST", "/api/v1/instructions", "{\"text\":" + Json.quote(text) + "}");
            if (understood.statusCode() != 200) {
                System.out.println("HTTP " + understood.statusCode());
                System.out.println(understood.body());
                return 1;
            }
            Map<String, Object> answer = Json.object(understood.body());
            List<Object> items = Json.list(answer.get("items"));
            List<Object> problems = Json.list(answer.get("problems"));
            System.out.println("Understood " + items.size() + " top-up" + (items.size() == 1 ? "" : "s")
                    + ("model".equals(answer.get("readBy")) ? " (read by the language model: check each one)" : "") + ":");
            for (Object o : items) {
                Map<String, Object> item = Json.map(o);
                System.out.printf("  %-12s %-15s %-6s %8s yuan   price %8s   \"%s\"%n", item.get("phone"), item.get("carrier"),
                        item.get("province") == null ? "" : item.get("province"), yuan(item.get("faceValue")),
                        yuan(item.get("price")), excerpt(text, item.get("span")));
            }
            if (!problems.isEmpty()) {
                System.out.println("Not understood:");
                for (Object o : problems) {
                    Map<String, Object> problem = Json.map(o);
                    System.out.printf("  %-22s \"%s\": %s%n", problem.get("code"), excerpt(text, problem.get("span")),
                            problem.get("message"));
                }
            }
            if (answer.get("confirmation") == null) {
                System.out.println("Nothing to confirm.");
                return 1;
            }
            System.out.println("Total " + yuan(answer.get("totalPrice")) + " yuan; balance after "
                    + yuan(answer.get("balanceAfter")) + " yuan; confirm before " + answer.get("expiresAt") + ".");
            String prefix = args.length > 2 ? args[2] : "SAY-" + System.currentTimeMillis();
            System.out.print("Place " + (items.size() == 1 ? "this order" : "these " + items.size() + " orders")
                    + " as " + prefix + "-1" + (items.size() > 1 ? " … " + prefix + "-" + items.size() : "") + "? [y/N] ");
            System.out.flush();
            String reply = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (reply == null || !(reply.trim().equalsIgnoreCase("y") || reply.trim().equalsIgnoreCase("yes")
                    || reply.trim().equals("是") || reply.trim().equals("好"))) {
                System.out.println("Not placed.");
                return 1;
            }
            HttpResponse<String> confirmed = signer.send("POST", "/api/v1/instructions/" + answer.get("confirmation") + "/confirm",
                    "{\"merchantOrderIdPrefix\":" + Json.quote(prefix) + "}");
            System.out.println("HTTP " + confirmed.statusCode());
            if (confirmed.statusCode() >= 400) {
                System.out.println(confirmed.body());
                return 1;
            }
            for (Object o : Json.list(Json.object(confirmed.body()).get("orders"))) {
                Map<String, Object> order = Json.map(o);
                System.out.printf("  %s  %-20s %-12s %8s yuan  %s%n", order.get("orderId"), order.get("merchantOrderId"),
                        order.get("phone"), yuan(order.get("faceValue")), order.get("status"));
            }
            return 0;
        }

        private static String yuan(Object fen) {
            long value = ((Number) fen).longValue();
            return (value < 0 ? "-" : "") + Math.abs(value) / 100 + "." + String.format("%02d", Math.abs(value) % 100);
        }

        private static String excerpt(String text, Object span) {
            List<Object> bounds = Json.list(span);
            int start = ((Number) bounds.get(0)).intValue();
            int end = ((Number) bounds.get(1)).intValue();
            return start >= 0 && end <= text.length() && start <= end ? text.substring(start, end) : "?";
        }
    }

    /** Just enough JSON for the answers above: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {

        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Map<String, Object> object(String text) {
            return map(new Json(text).value());
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> map(Object o) {
            return (Map<String, Object>) o;
        }

        @SuppressWarnings("unchecked")
        static List<Object> list(Object o) {
            return o == null ? List.of() : (List<Object>) o;
        }

        static String quote(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }

        private Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                i++;
                skip();
                if (s.charAt(i) == '}') {
                    i++;
                    return map;
                }
                do {
                    skip();
                    String key = string();
                    skip();
                    i++; // ':'
                    map.put(key, value());
                    skip();
                } while (s.charAt(i++) == ',');
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                i++;
                skip();
                if (s.charAt(i) == ']') {
                    i++;
                    return list;
                }
                do {
                    list.add(value());
                    skip();
                } while (s.charAt(i++) == ',');
                return list;
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String word = s.substring(start, i);
            return switch (word) {
                case "null" -> null;
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> word.contains(".") || word.contains("e") ? (Object) Double.parseDouble(word) : (Object) Long.parseLong(word);
            };
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            i++;
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            i++;
            return out.toString();
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
