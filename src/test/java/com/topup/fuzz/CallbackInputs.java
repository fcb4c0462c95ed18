package com.topup.fuzz;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.topup.channel.adapter.FormMd5Signature;
import com.topup.channel.adapter.JsonHmacSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generated supplier callbacks in both protocols: fields of any shape, signed with the channel's secret, with a
 * wrong one, or not at all. The references never name a real order, so none may change anything.
 */
final class CallbackInputs {

    enum Signing { RIGHT, WRONG, NONE, STALE }

    private final String jsonChannel;
    private final String jsonSecret;
    private final String formChannel;
    private final String formSecret;

    CallbackInputs(String jsonChannel, String jsonSecret, String formChannel, String formSecret) {
        this.jsonChannel = jsonChannel;
        this.jsonSecret = jsonSecret;
        this.formChannel = formChannel;
        this.formSecret = formSecret;
    }

    /** json-hmac: a JSON body (mostly the callback's own fields) with the timestamp and signature headers. */
    Gen<FuzzRequest> jsonHmac() {
        Gen<String> body = Generate.oneOf(
                JsonValues.objectOver(List.of("reference", "channelReference", "status", "amount", "failureCode", "message")),
                JsonValues.any(2));
        return body.zip(Generate.enumValues(Signing.class), (text, signing) -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            long now = System.currentTimeMillis();
            String timestamp = Long.toString(signing == Signing.STALE ? now - 3_600_000L : now);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            if (signing != Signing.NONE) {
                headers.put("X-Channel-Timestamp", timestamp);
                headers.put("X-Channel-Signature",
                        JsonHmacSignature.sign(signing == Signing.WRONG ? "not-" + jsonSecret : jsonSecret, timestamp, bytes));
            }
            return new FuzzRequest("POST", "/callbacks/channels/" + jsonChannel, headers, bytes, "json-hmac, signature " + signing);
        });
    }

    /** form-md5: form parameters of any value (mostly the callback's own names), signed by {@code sign}. */
    Gen<FuzzRequest> formMd5() {
        Gen<String> name = Generate.oneOf(Generate.pick(List.of("order_no", "sup_order_no", "status", "amount", "timestamp",
                "err_code", "err_msg", "sign")), strings().basicLatinAlphabet().ofLengthBetween(0, 8));
        Gen<String> value = Generate.oneOf(Generate.pick(List.of("", "2", "9", "0", "-1", "1000", "1.5", "T-NO-SUCH-1",
                "99999999999999999999", "%", "&", "=", "中文")), strings().allPossible().ofLengthBetween(0, 30),
                integers().all().map(n -> String.valueOf(n)));
        Gen<List<Pair<String, String>>> params = lists().of(name.zip(value, Pair::of)).ofSizeBetween(0, 8);
        return params.zip(Generate.enumValues(Signing.class), (pairs, signing) -> {
            Map<String, String> given = new LinkedHashMap<>();
            pairs.forEach(p -> given.put(p._1, p._2));
            Map<String, String> form = given;
            long nowSeconds = System.currentTimeMillis() / 1000;
            if (signing != Signing.NONE) {
                form.put(FormMd5Signature.TIMESTAMP, Long.toString(signing == Signing.STALE ? nowSeconds - 3600 : nowSeconds));
                form = FormMd5Signature.signed(form, signing == Signing.WRONG ? "not-" + formSecret : formSecret);
            }
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return new FuzzRequest("POST", "/callbacks/channels/" + formChannel,
                    Map.of("Content-Type", "application/x-www-form-urlencoded"), body.getBytes(StandardCharsets.UTF_8),
                    "form-md5, signature " + signing);
        });
    }
}
