package com.topup.instruction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.instruction.reading.DeterministicInterpreter;
import com.topup.instruction.reading.Problem;
import com.topup.instruction.reading.Reading;
import com.topup.instruction.reading.Span;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which texts reach the model, and what a request gets when the model fails. */
class ModelAssistedInterpreterTest {

    private final ChatCompletionsServer server = new ChatCompletionsServer();
    private final List<String> outcomes = new ArrayList<>();
    private final ModelAssistedInterpreter interpreter = new ModelAssistedInterpreter(new DeterministicInterpreter(),
            new ChatModelInterpreter(new ModelSettings(URI.create(server.baseUrl()), "m", Optional.empty(),
                    Duration.ofSeconds(5), true)), outcomes::add);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void whatTheRulesCanReadNeverReachesTheModel() {
        Reading reading = interpreter.read("给13800138000充100元");
        assertEquals(1, reading.proposals().size());
        assertFalse(reading.byModel());
        assertEquals(List.of(), server.received());
    }

    @Test
    void anAmbiguousTextStaysAProblemInsteadOfAGuess() {
        Reading reading = interpreter.read("给13800138000和13900139000充50");
        assertEquals(Problem.AMBIGUOUS, reading.problems().get(0).code());
        assertEquals(List.of(), server.received());
    }

    @Test
    void aTextTheRulesReadNothingFromIsReadByTheModel() {
        String text = "please recharge 13800138000 with a hundred bucks";
        server.answer(text, ChatCompletionsServer.Reply.content("""
                {"topUps": [{"phoneAsWritten": "13800138000", "amountAsWritten": "a hundred bucks", "faceValueFen": 10000}],
                 "unclear": []}"""));

        Reading reading = interpreter.read(text);

        assertTrue(reading.byModel());
        assertEquals("13800138000", reading.proposals().get(0).phone());
        assertEquals(10000, reading.proposals().get(0).faceValue());
        assertEquals(List.of(), reading.problems());
        assertEquals(List.of(ModelAssistedInterpreter.READ), outcomes);
    }

    @Test
    void whenTheModelReadsNothingEitherTheRulesProblemsStand() {
        Reading reading = interpreter.read("please recharge 13800138000 with a hundred bucks");
        assertFalse(reading.byModel());
        assertEquals(List.of(Problem.NO_AMOUNT), reading.problems().stream().map(Problem::code).toList());
        assertEquals(List.of(ModelAssistedInterpreter.NOTHING), outcomes);
    }

    @Test
    void aFailingModelLeavesTheRulesReadingWithAProblemSayingSo() {
        String text = "  please recharge 13800138000 with a hundred bucks ";
        server.answer(text, ChatCompletionsServer.Reply.status(503));

        Reading reading = interpreter.read(text);

        assertFalse(reading.byModel());
        assertEquals(List.of(), reading.proposals());
        assertEquals(List.of(Problem.NO_AMOUNT, Problem.MODEL_UNAVAILABLE),
                reading.problems().stream().map(Problem::code).toList());
        Problem unavailable = reading.problems().get(1);
        assertEquals(new Span(2, text.length() - 1), unavailable.span());
        assertTrue(unavailable.message().contains("unavailable"), unavailable.message());
        assertEquals(List.of(ModelAssistedInterpreter.FAILED), outcomes);
    }

    @Test
    void aModelAnswerThatDoesNotFitTheTextCountsAsAFailure() {
        String text = "给我妈充一百块";
        server.answer(text, ChatCompletionsServer.Reply.content("""
                {"topUps": [{"phoneAsWritten": "13800138000", "amountAsWritten": "一百块", "faceValueFen": 10000}],
                 "unclear": []}"""));
        Reading reading = interpreter.read(text);
        assertEquals(List.of(), reading.proposals());
        assertEquals(List.of(Problem.NO_PHONE, Problem.MODEL_UNAVAILABLE),
                reading.problems().stream().map(Problem::code).toList());
    }
}
