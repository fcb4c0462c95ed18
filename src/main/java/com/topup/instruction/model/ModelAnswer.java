package com.topup.instruction.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.instruction.reading.Problem;
import com.topup.instruction.reading.Proposal;
import com.topup.instruction.reading.Reading;
import com.topup.instruction.reading.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the model's JSON answer into a reading, trusting nothing: every quoted number and amount must be found in the
 * text (which gives the spans), the number is read from the quoted characters themselves, not from the model, and
 * the amount must be a whole, positive number of fen. An answer that fails any of this is refused whole.
 */
final class ModelAnswer {

    /** Far above any catalogue's face value; larger numbers are a misreading, not an amount. */
    static final long MAX_FACE_VALUE = 100_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNCLEAR_CODES = Set.of(Problem.NO_PHONE, Problem.NO_AMOUNT, Problem.AMBIGUOUS);

    private ModelAnswer() {
    }

    static Reading read(String text, String answer) {
        JsonNode root = parse(answer);
        JsonNode topUps = root.get(ModelPrompt.TOP_UPS);
        if (topUps == null || !topUps.isArray()) {
            throw new ModelUnavailable("The language model's answer has no topUps list");
        }
        List<Proposal> proposals = new ArrayList<>();
        int cursor = 0;
        for (JsonNode topUp : topUps) {
            String phoneText = string(topUp, ModelPrompt.PHONE_AS_WRITTEN);
            String amountText = string(topUp, ModelPrompt.AMOUNT_AS_WRITTEN);
            long faceValue = faceValue(topUp.get(ModelPrompt.FACE_VALUE_FEN));
            Span phoneSpan = find(text, phoneText, cursor);
            if (phoneSpan == null) {
                phoneSpan = find(text, phoneText, 0);
            }
            if (phoneSpan == null) {
                throw new ModelUnavailable("The language model quoted a number that is not in the text");
            }
            String phone = QuotedNumbers.phone(phoneText);
            if (phone == null) {
                throw new ModelUnavailable("The language model quoted something that is not a phone number");
            }
            Span amountSpan = nearest(text, amountText, phoneSpan);
            if (amountSpan == null) {
                throw new ModelUnavailable("The language model quoted an amount that is not in the text");
            }
            proposals.add(new Proposal(phone, faceValue, phoneSpan, amountSpan));
            cursor = phoneSpan.end();
        }
        return new Reading(proposals, unclear(text, root.get(ModelPrompt.UNCLEAR)), true);
    }

    /** The parts the model found unclear, where they can be found in the text; the others say nothing useful. */
    private static List<Problem> unclear(String text, JsonNode unclear) {
        List<Problem> problems = new ArrayList<>();
        if (unclear == null || !unclear.isArray()) {
            return problems;
        }
        for (JsonNode part : unclear) {
            JsonNode words = part.get(ModelPrompt.TEXT);
            JsonNode code = part.get(ModelPrompt.CODE);
            if (words == null || !words.isTextual() || words.textValue().isEmpty() || code == null
                    || !UNCLEAR_CODES.contains(code.asText())) {
                continue;
            }
            Span span = find(text, words.textValue(), 0);
            if (span != null) {
                problems.add(new Problem(span, code.asText(), message(code.asText())));
            }
        }
        return problems;
    }

    private static String message(String code) {
        return switch (code) {
            case Problem.NO_PHONE -> "An amount without a phone number";
            case Problem.NO_AMOUNT -> "A phone number without an amount";
            default -> "It is not clear which amount belongs to which number";
        };
    }

    private static JsonNode parse(String answer) {
        String json = answer.strip();
        if (json.startsWith("```")) {
            int open = json.indexOf('\n');
            int close = json.lastIndexOf("```");
            json = open > 0 && close > open ? json.substring(open + 1, close) : json;
        }
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new ModelUnavailable("The language model's answer is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ModelUnavailable("The language model's answer is not JSON", e);
        }
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new ModelUnavailable("The language model's answer lacks " + field);
        }
        return value.textValue();
    }

    private static long faceValue(JsonNode value) {
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()
                || value.asLong() <= 0 || value.asLong() > MAX_FACE_VALUE) {
            throw new ModelUnavailable("The language model's answer has no usable faceValueFen");
        }
        return value.asLong();
    }

    private static Span find(String text, String quote, int from) {
        int at = text.indexOf(quote, from);
        return at < 0 ? null : new Span(at, at + quote.length());
    }

    /** The occurrence of the quote closest to the number it belongs to. */
    private static Span nearest(String text, String quote, Span phone) {
        Span best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
            int end = at + quote.length();
            int distance = end <= phone.start() ? phone.start() - end : Math.max(0, at - phone.end());
            if (distance < bestDistance) {
                best = new Span(at, end);
                bestDistance = distance;
            }
        }
        return best;
    }
}
