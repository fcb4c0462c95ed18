package com.topup.instruction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.topup.instruction.reading.Problem;
import com.topup.instruction.reading.Proposal;
import com.topup.instruction.reading.Reading;
import com.topup.instruction.reading.Span;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The language-model interpreter against a local endpoint speaking the chat-completions protocol. */
class ChatModelInterpreterTest {

    private final ChatCompletionsServer server = new ChatCompletionsServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private ChatModelInterpreter interpreter(boolean jsonSchema, Duration timeout) {
        return new ChatModelInterpreter(new ModelSettings(URI.create(server.baseUrl()), "topup-reader",
                Optional.of("test-key"), timeout, jsonSchema));
    }

    private ChatModelInterpreter interpreter() {
        return interpreter(true, Duration.ofSeconds(5));
    }

    @Test
    void asksForStructuredOutputAndFindsTheQuotedWordsInTheText() {
        String text = "top up a hundred yuan to one three eight zero zero one three eight zero zero zero please";
        server.answer(text, ChatCompletionsServer.Reply.content("""
                {"topUps": [{"phoneAsWritten": "one three eight zero zero one three eight zero zero zero",
                             "amountAsWritten": "a hundred yuan", "faceValueFen": 10000}],
                 "unclear": []}"""));

        Reading reading = interpreter().read(text);

        assertTrue(reading.byModel());
        assertEquals(List.of(new Proposal("13800138000", 10000, new Span(25, 81), new Span(7, 21))),
                reading.proposals());
        assertEquals(List.of(), reading.problems());

        JsonNode request = server.received().get(0).body();
        assertEquals("Bearer test-key", server.received().get(0).authorization());
        assertEquals("topup-reader", request.path("model").asText());
        assertEquals(0.0, request.path("temperature").asDouble(-1));
        assertEquals("system", request.path("messages").get(0).path("role").asText());
        assertEquals(text, server.received().get(0).userMessage());
        JsonNode format = request.path("response_format");
        assertEquals("json_schema", format.path("type").asText());
        assertTrue(format.path("json_schema").path("strict").asBoolean());
        JsonNode schema = format.path("json_schema").path("schema");
        assertEquals(List.of("topUps", "unclear"), List.of(schema.path("required").get(0).asText(),
                schema.path("required").get(1).asText()));
        assertEquals("integer", schema.path("properties").path("topUps").path("items").path("properties")
                .path("faceValueFen").path("type").asText());
    }

    @Test
    void oneAmountForEachOfSeveralNumbersAndWhatTheModelFoundUnclear() {
        String text = "给１３８ ００１３ ８０００和+86 139-0013-9000各来五十，还有我妈的也充点";
        server.answer(text, ChatCompletionsServer.Reply.content("""
                {"topUps": [{"phoneAsWritten": "１３８ ００１３ ８０００", "amountAsWritten": "五十", "faceValueFen": 5000},
                            {"phoneAsWritten": "+86 139-0013-9000", "amountAsWritten": "五十", "faceValueFen": 5000}],
                 "unclear": [{"text": "我妈的也充点", "code": "NO_PHONE"}, {"text": "not in the text", "code": "NO_PHONE"},
                             {"text": "还有", "code": "SOMETHING_ELSE"}]}"""));

        Reading reading = interpreter().read(text);

        assertEquals(List.of(new Proposal("13800138000", 5000, new Span(1, 14), new Span(34, 36)),
                new Proposal("13900139000", 5000, new Span(15, 32), new Span(34, 36))), reading.proposals());
        assertEquals(1, reading.problems().size());
        Problem unclear = reading.problems().get(0);
        assertEquals(Problem.NO_PHONE, unclear.code());
        assertEquals("我妈的也充点", text.substring(unclear.span().start(), unclear.span().end()));
    }

    @Test
    void aForeignNumberIsPassedOnForTheCarrierLookupToRefuse() {
        String text = "please top up +44 20 7946 0958 with 50 pounds worth";
        server.answer(text, ChatCompletionsServer.Reply.content("""
                {"topUps": [{"phoneAsWritten": "+44 20 7946 0958", "amountAsWritten": "50", "faceValueFen": 5000}],
                 "unclear": []}"""));
        assertEquals("+442079460958", interpreter().read(text).proposals().get(0).phone());
    }

    @Test
    void withoutSchemaSupportItAsksForAJsonObjectAndReadsAFencedAnswer() {
        String text = "13800138000 needs fifty";
        server.answer(text, ChatCompletionsServer.Reply.content("""
                ```json
                {"topUps": [{"phoneAsWritten": "13800138000", "amountAsWritten": "fifty", "faceValueFen": 5000}]}
                ```"""));

        Reading reading = interpreter(false, Duration.ofSeconds(5)).read(text);

        assertEquals(List.of(new Proposal("13800138000", 5000, new Span(0, 11), new Span(18, 23))),
                reading.proposals());
        assertEquals("json_object", server.received().get(0).body().path("response_format").path("type").asText());
    }

    @Test
    void anInventedNumberOrAmountRefusesTheWholeAnswer() {
        String text = "给我妈充一百块";
        server.answer(text, ChatCompletionsServer.Reply.content("""
                {"topUps": [{"phoneAsWritten": "13800138000", "amountAsWritten": "一百块", "faceValueFen": 10000}],
                 "unclear": []}"""));
        assertThrows(ModelUnavailable.class, () -> interpreter().read(text));

        String other = "给13800138000充点钱";
        server.answer(other, ChatCompletionsServer.Reply.content("""
                {"topUps": [{"phoneAsWritten": "13800138000", "amountAsWritten": "一百块", "faceValueFen": 10000}],
                 "unclear": []}"""));
        assertThrows(ModelUnavailable.class, () -> interpreter().read(other));

        String words = "给妈妈充一百";
        server.answer(words, ChatCompletionsServer.Reply.content("""
                {"topUps": [{"phoneAsWritten": "妈妈", "amountAsWritten": "一百", "faceValueFen": 10000}],
                 "unclear": []}"""));
        assertThrows(ModelUnavailable.class, () -> interpreter().read(words));
    }

    @Test
    void malformedAnswersAreRefused() {
        String text = "13800138000 needs fifty";
        for (String answer : List.of("I think it is 50 yuan", "[]", "{\"unclear\": []}",
                "{\"topUps\": [{\"phoneAsWritten\": \"13800138000\", \"amountAsWritten\": \"fifty\"}]}",
                "{\"topUps\": [{\"phoneAsWritten\": \"13800138000\", \"amountAsWritten\": \"fifty\", \"faceValueFen\": 50.5}]}",
                "{\"topUps\": [{\"phoneAsWritten\": \"13800138000\", \"amountAsWritten\": \"fifty\", \"faceValueFen\": -5000}]}",
                "")) {
            server.answer(text, ChatCompletionsServer.Reply.content(answer));
            assertThrows(ModelUnavailable.class, () -> interpreter().read(text), answer);
        }
    }

    @Test
    void anErrorOrASlowAnswerIsAFailureWithoutRetries() {
        String text = "13800138000 needs fifty";
        server.answer(text, ChatCompletionsServer.Reply.status(500));
        ModelUnavailable error = assertThrows(ModelUnavailable.class, () -> interpreter().read(text));
        assertTrue(error.getMessage().startsWith("The language model did not answer"), error.getMessage());
        assertEquals(1, server.received().size(), "no retries: the merchant is waiting");

        server.answer(text, ChatCompletionsServer.Reply.late(ChatCompletionsServer.NOTHING, Duration.ofSeconds(3)));
        long started = System.nanoTime();
        assertThrows(ModelUnavailable.class, () -> interpreter(true, Duration.ofMillis(300)).read(text));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 2_500, "gave up after " + tookMillis + " ms");
    }

    @Test
    void quotedNumbersAreReadFromTheirCharacters() {
        assertEquals("13800138000", QuotedNumbers.phone("138-0013-8000"));
        assertEquals("13800138000", QuotedNumbers.phone("0086 138 0013 8000"));
        assertEquals("13800138000", QuotedNumbers.phone("幺三八 〇〇幺三 八〇〇〇"));
        assertEquals("13800138000", QuotedNumbers.phone("one three eight double oh one three eight triple zero"));
        assertEquals("+12025550123", QuotedNumbers.phone("+1 (202) 555-0123"));
        assertNull(QuotedNumbers.phone("1380013800"));
        assertNull(QuotedNumbers.phone("13800138000元"));
        assertNull(QuotedNumbers.phone("my mum"));
        assertNull(QuotedNumbers.phone("138+00138000"));
    }
}
