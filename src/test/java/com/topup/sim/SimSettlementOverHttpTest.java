package com.topup.sim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.channel.adapter.ChannelAdapter;
import com.topup.channel.adapter.ChannelAdapters;
import com.topup.channel.adapter.ChannelCallback;
import com.topup.channel.adapter.ChannelEndpoint;
import com.topup.channel.adapter.ChannelStatus;
import com.topup.channel.adapter.FormMd5Codes;
import com.topup.channel.adapter.ReversalResult;
import com.topup.channel.adapter.StatementLine;
import com.topup.channel.adapter.StatementResult;
import com.topup.channel.adapter.SubmitOutcome;
import com.topup.channel.adapter.SubmitRequest;
import com.topup.channel.adapter.SubmitResult;
import com.topup.devenv.KeycloakTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reversals and daily statements of both protocols: the real adapters against the real simulated suppliers over HTTP
 * ({@code sim-fast} speaks json-hmac, {@code sim-cheap} form-md5), each fate forced by a rate of 0 or 1.
 */
@QuarkusTest
class SimSettlementOverHttpTest {

    /** Mobile numbers always top up, Telecom numbers always fail; everything quick. */
    private static final String BASE = """
            "successRate": {"CHINA_MOBILE": 1.0, "CHINA_TELECOM": 0.0},
            "submitLatency": {"medianMs": 5, "p95Ms": 5}, "resultLatency": {"medianMs": 100, "p95Ms": 100},
            "queryLatency": {"medianMs": 1, "p95Ms": 1}""";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static String adminToken;

    @Inject
    ChannelAdapters adapters;
    @Inject
    SimSuppliers suppliers;
    @Inject
    CapturedCallbacks callbacks;

    @TestHTTPResource("/test/sim-callbacks/")
    URL callbackRoot;

    @ConfigProperty(name = "topup.test.keycloak-url")
    String keycloakUrl;

    private LocalDate firstDay;

    @BeforeEach
    void noteTheDay() {
        firstDay = today();
    }

    @AfterEach
    void reset() {
        given().auth().oauth2(admin()).post("/admin/api/sim/reset").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim-fast", "sim-cheap"})
    void aReversedChargeLeavesTheStatementAndAReversalAskedAgainChangesNothing(String supplier) throws Exception {
        behaviour(supplier, "");
        String reference = reference();
        String charge = topUp(supplier, reference, "CHINA_MOBILE", 5_000);
        assertEquals(ChannelStatus.SUCCEEDED, callbacks.await(reference, 1, WAIT).get(0).status());
        assertEquals(List.of(new Line(reference, charge, 5_000)), lines(supplier, reference));

        assertEquals(ReversalResult.Outcome.REVERSED, adapter(supplier).reverse(endpoint(supplier), reference, charge, 5_000).outcome());
        assertEquals(new ReversalResult(ReversalResult.Outcome.REVERSED, null, null),
                adapter(supplier).reverse(endpoint(supplier), reference, charge, 5_000), "asked again: the same answer");

        assertEquals(List.of(), lines(supplier, reference));
        assertEquals(ChannelStatus.SUCCEEDED, adapter(supplier).query(endpoint(supplier), reference).status(),
                "the top-up result stands");
        given().auth().oauth2(admin()).get("/admin/api/sim/suppliers").then().statusCode(200)
                .body("find { it.code == '" + supplier + "' }.stats.reversals", equalTo(2))
                .body("find { it.code == '" + supplier + "' }.stats.reversalsRefused", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim-fast", "sim-cheap"})
    void refusalsCarryTheSuppliersCode(String supplier) throws Exception {
        behaviour(supplier, ", \"reversalRefuseRate\": 1.0");
        String succeeded = reference();
        String charge = topUp(supplier, succeeded, "CHINA_MOBILE", 3_000);
        String failed = reference();
        String failedCharge = topUp(supplier, failed, "CHINA_TELECOM", 3_000);
        callbacks.await(succeeded, 1, WAIT);
        assertEquals(ChannelStatus.FAILED, callbacks.await(failed, 1, WAIT).get(0).status());
        boolean json = supplier.equals("sim-fast");

        assertRefused(supplier, succeeded, charge, 3_000, json ? "REVERSAL_REFUSED" : FormMd5Codes.REVERSAL_REFUSED);
        assertRefused(supplier, succeeded, charge, 3_000, json ? "REVERSAL_REFUSED" : FormMd5Codes.REVERSAL_REFUSED);
        assertRefused(supplier, succeeded, charge, 2_999, json ? "AMOUNT_MISMATCH" : FormMd5Codes.REVERSAL_AMOUNT_MISMATCH);
        assertRefused(supplier, failed, failedCharge, 3_000, json ? "NOT_CHARGED" : FormMd5Codes.NOT_CHARGED);
        assertRefused(supplier, "never-sent", "X-1", 3_000, json ? "ORDER_NOT_FOUND" : FormMd5Codes.ORDER_NOT_FOUND);
        assertEquals(List.of(new Line(succeeded, charge, 3_000)), lines(supplier, succeeded), "a refused charge stays");
        assertEquals(List.of(), lines(supplier, failed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim-fast", "sim-cheap"})
    void duringAnOutageReversalsAreUnknownAndStatementsUnavailable(String supplier) {
        behaviour(supplier, ", \"outageMode\": \"TIMEOUT\"");
        outage(supplier, 30);
        ChannelEndpoint impatient = endpoint(supplier, Duration.ofMillis(400));
        long started = System.nanoTime();
        ReversalResult timedOut = adapter(supplier).reverse(impatient, "R-1", "C-1", 1_000);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(ReversalResult.Outcome.UNKNOWN, timedOut.outcome());
        assertEquals("TIMEOUT", timedOut.errorCode());
        assertTrue(elapsedMillis < 2_000, "bounded by the endpoint timeout: " + elapsedMillis);
        StatementResult noStatement = adapter(supplier).statement(impatient, today());
        assertFalse(noStatement.available());
        assertEquals("TIMEOUT", noStatement.errorClass());

        behaviour(supplier, ", \"outageMode\": \"HTTP_503\"");
        ReversalResult unavailable = adapter(supplier).reverse(endpoint(supplier), "R-1", "C-1", 1_000);
        assertEquals(ReversalResult.Outcome.UNKNOWN, unavailable.outcome());
        assertEquals("NETWORK", unavailable.errorCode());
        assertEquals("NETWORK", adapter(supplier).statement(endpoint(supplier), today()).errorClass());
        outage(supplier, 0);
        assertTrue(adapter(supplier).statement(endpoint(supplier), today()).available());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim-fast", "sim-cheap"})
    void aDoubleChargeAndAChargeDespiteAFailureAreOnTheStatementAndCanBeReversed(String supplier) throws Exception {
        behaviour(supplier, ", \"chargedTwiceRate\": 1.0, \"chargedDespiteFailureRate\": 1.0");
        String twice = reference();
        String first = topUp(supplier, twice, "CHINA_MOBILE", 10_000);
        String leak = reference();
        String leakCharge = topUp(supplier, leak, "CHINA_TELECOM", 2_000);

        List<ChannelCallback> twiceReported = callbacks.await(twice, 2, WAIT);
        String second = twiceReported.get(1).channelReference();
        assertNotEquals(first, second);
        ChannelCallback failure = callbacks.await(leak, 1, WAIT).get(0);
        assertEquals(ChannelStatus.FAILED, failure.status());
        assertEquals(ChannelStatus.FAILED, adapter(supplier).query(endpoint(supplier), leak).status());

        assertEquals(List.of(new Line(twice, first, 10_000), new Line(twice, second, 10_000)), lines(supplier, twice));
        assertEquals(List.of(new Line(leak, leakCharge, 2_000)), lines(supplier, leak), "charged although it failed");

        assertEquals(ReversalResult.Outcome.REVERSED, adapter(supplier).reverse(endpoint(supplier), twice, second, 10_000).outcome());
        assertEquals(ReversalResult.Outcome.REVERSED, adapter(supplier).reverse(endpoint(supplier), leak, leakCharge, 2_000).outcome());
        assertEquals(List.of(new Line(twice, first, 10_000)), lines(supplier, twice), "only the second charge went");
        assertEquals(List.of(), lines(supplier, leak));

        // the staff API lists every charge, reversed ones with their time, for comparing with the platform's records
        given().auth().oauth2(admin()).get("/admin/api/sim/charges").then().statusCode(200)
                .body("find { it.reference == '" + twice + "' }.charges.size()", equalTo(2))
                .body("find { it.reference == '" + twice + "' }.charges.find { it.channelReference == '" + second
                        + "' }.reversedAt", org.hamcrest.Matchers.notNullValue())
                .body("find { it.reference == '" + leak + "' }.status", equalTo("FAILED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim-fast", "sim-cheap"})
    void theStatementOmitsAndMisstatesChargesAsTold(String supplier) throws Exception {
        behaviour(supplier, ", \"statementOmitRate\": 1.0");
        String omitted = reference();
        topUp(supplier, omitted, "CHINA_MOBILE", 5_000);
        assertEquals(ChannelStatus.SUCCEEDED, callbacks.await(omitted, 1, WAIT).get(0).status());

        behaviour(supplier, ", \"statementAmountErrorRate\": 1.0");
        String misstated = reference();
        String charge = topUp(supplier, misstated, "CHINA_MOBILE", 5_000);
        assertEquals(5_000L, callbacks.await(misstated, 1, WAIT).get(0).amount(), "the callback tells the truth");

        assertEquals(List.of(), lines(supplier, omitted));
        List<Line> stated = lines(supplier, misstated);
        assertEquals(1, stated.size());
        assertEquals(charge, stated.get(0).channelReference());
        long difference = Math.abs(stated.get(0).amount() - 5_000);
        assertTrue(difference >= 100 && difference <= 1_000, "stated " + stated.get(0).amount());
        assertEquals(ReversalResult.Outcome.REVERSED, adapter(supplier).reverse(endpoint(supplier), misstated, charge, 5_000).outcome(),
                "a reversal names the amount charged, not the one stated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim-fast", "sim-cheap"})
    void aFailureCanTurnIntoALateSuccess(String supplier) throws Exception {
        behaviour(supplier, ", \"successAfterFailureRate\": 1.0, \"successAfterFailureDelayMs\": 400");
        String reference = reference();
        String charge = topUp(supplier, reference, "CHINA_TELECOM", 2_000);

        List<ChannelCallback> reported = callbacks.await(reference, 2, WAIT);
        assertEquals(ChannelStatus.FAILED, reported.get(0).status());
        assertEquals(ChannelStatus.SUCCEEDED, reported.get(1).status());
        assertEquals(charge, reported.get(1).channelReference());
        assertEquals(2_000L, reported.get(1).amount());
        assertEquals(ChannelStatus.SUCCEEDED, adapter(supplier).query(endpoint(supplier), reference).status());
        assertEquals(List.of(new Line(reference, charge, 2_000)), lines(supplier, reference));
    }

    @Test
    void theStaffApiTakesAndShowsTheNewKnobs() {
        given().auth().oauth2(admin()).contentType("application/json")
                .body("{" + BASE + ", \"reversalRefuseRate\": 0.5, \"successAfterFailureDelayMs\": 2500}")
                .put("/admin/api/sim/suppliers/sim-fast").then().statusCode(200)
                .body("behaviour.reversalRefuseRate", equalTo(0.5f))
                .body("behaviour.successAfterFailureDelayMs", equalTo(2500))
                .body("behaviour.statementOmitRate", equalTo(0.0f));
        given().auth().oauth2(admin()).contentType("application/json")
                .body("{" + BASE + ", \"chargedDespiteFailureRate\": 3}")
                .put("/admin/api/sim/suppliers/sim-fast").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"))
                .body("details.problems[0]", equalTo("chargedDespiteFailureRate must be between 0 and 1"));
    }

    @Test
    void theSimRefusesUnsignedReversalsAndStatements() {
        given().contentType("application/json").body("{\"reference\":\"R\",\"channelReference\":\"C\",\"amount\":100}")
                .post("/sim/sim-fast/reverse").then().statusCode(401);
        given().contentType("application/json").body("{\"date\":\"2026-03-10\"}")
                .post("/sim/sim-fast/statement").then().statusCode(401);
        given().contentType("application/x-www-form-urlencoded").body("order_no=R&sup_order_no=C&amount=100")
                .post("/sim/sim-cheap/reverse").then().statusCode(200).body("code", equalTo(FormMd5Codes.BAD_SIGN));
        given().contentType("application/x-www-form-urlencoded").body("bill_date=20260310")
                .post("/sim/sim-cheap/bill").then().statusCode(200).body("code", equalTo(FormMd5Codes.BAD_SIGN));
        given().contentType("application/json").body("{}").post("/sim/sim-fast/bill").then().statusCode(404);
    }

    /** A statement line without its time, which the test cannot know to the millisecond. */
    private record Line(String reference, String channelReference, long amount) {
    }

    /** The reference's lines on the statements of every UTC day the test has run in. */
    private List<Line> lines(String supplier, String reference) {
        List<Line> lines = new ArrayList<>();
        for (LocalDate day = firstDay; !day.isAfter(today()); day = day.plusDays(1)) {
            StatementResult statement = adapter(supplier).statement(endpoint(supplier), day);
            assertTrue(statement.available(), statement.toString());
            assertEquals(day, statement.day());
            for (StatementLine line : statement.lines()) {
                assertFalse(line.chargedAt().isAfter(Instant.now()));
                if (line.reference().equals(reference)) {
                    lines.add(new Line(line.reference(), line.channelReference(), line.amount()));
                }
            }
        }
        return lines;
    }

    private void assertRefused(String supplier, String reference, String charge, long amount, String code) {
        ReversalResult result = adapter(supplier).reverse(endpoint(supplier), reference, charge, amount);
        assertEquals(ReversalResult.Outcome.REFUSED, result.outcome(), result.toString());
        assertEquals(code, result.errorCode());
    }

    /** Submits a top-up that the supplier accepts; returns its channel reference. */
    private String topUp(String supplier, String reference, String carrier, long faceValue) {
        SubmitResult submitted = adapter(supplier).submit(endpoint(supplier), new SubmitRequest(reference, "13800138000",
                carrier, faceValue, URI.create(callbackRoot + supplier)));
        assertEquals(SubmitOutcome.ACCEPTED, submitted.outcome(), submitted.toString());
        return submitted.channelReference();
    }

    private void behaviour(String supplier, String extra) {
        given().auth().oauth2(admin()).contentType("application/json").body("{" + BASE + extra + "}")
                .put("/admin/api/sim/suppliers/" + supplier).then().statusCode(200);
    }

    private void outage(String supplier, int seconds) {
        given().auth().oauth2(admin()).contentType("application/json").body("{\"seconds\": " + seconds + "}")
                .post("/admin/api/sim/suppliers/" + supplier + "/outage").then().statusCode(200);
    }

    private ChannelAdapter adapter(String supplier) {
        return adapters.forProtocol(suppliers.find(supplier).orElseThrow().protocol());
    }

    private ChannelEndpoint endpoint(String code) {
        return endpoint(code, Duration.ofSeconds(3));
    }

    private ChannelEndpoint endpoint(String code, Duration timeout) {
        SimSupplier supplier = suppliers.find(code).orElseThrow();
        return new ChannelEndpoint(code, supplier.protocol(), suppliers.baseUrl(supplier), supplier.secret(), timeout);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String reference() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private String admin() {
        if (adminToken == null) {
            adminToken = KeycloakTokens.accessToken(keycloakUrl + "/realms/topup", "topup-cli", "admin", "admin");
        }
        return adminToken;
    }
}
