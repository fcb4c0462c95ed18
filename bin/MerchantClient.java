import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
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
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
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
                  raw METHOD PATH [BODY]                                      any signed request
                environment: TOPUP_URL (http://127.0.0.1:8080), TOPUP_MERCHANT (demo-merchant),
                             TOPUP_SECRET (<merchant>-secret)""");
    }
}
