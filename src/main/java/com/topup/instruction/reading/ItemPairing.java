package com.topup.instruction.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pairs numbers with amounts inside each {@link Clause}. A clause is read as alternating runs of numbers and
 * amounts; when it starts with a number each run of amounts belongs to the numbers before it ("A充100 B充50"),
 * otherwise to the numbers after it ("top up 50 to A and 100 to B"). One amount for several numbers needs
 * 各/each, as many amounts as numbers need 分别/respectively; anything else is reported as AMBIGUOUS, never guessed.
 */
final class ItemPairing {

    private final List<Proposal> proposals = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private ItemPairing() {
    }

    static Reading pair(List<Clause> clauses) {
        ItemPairing pairing = new ItemPairing();
        clauses.forEach(pairing::clause);
        pairing.problems.sort((a, b) -> a.span().start() != b.span().start()
                ? Integer.compare(a.span().start(), b.span().start()) : a.code().compareTo(b.code()));
        return new Reading(pairing.proposals, pairing.problems);
    }

    private void clause(Clause clause) {
        List<List<Token>> runs = runs(clause.items);
        boolean numbersFirst = runs.get(0).get(0).isNumber();
        int i = 0;
        while (i < runs.size()) {
            List<Token> first = runs.get(i);
            List<Token> second = i + 1 < runs.size() ? runs.get(i + 1) : List.of();
            if (numbersFirst) {
                group(first, second, clause);
            } else {
                group(second, first, clause);
            }
            i += 2;
        }
    }

    private void group(List<Token> numbers, List<Token> amounts, Clause clause) {
        numbers.stream().filter(t -> t.kind() == Token.Kind.NOT_MOBILE).forEach(t -> problems.add(new Problem(t.span(),
                Problem.INVALID_PHONE, "This number is not a mobile number")));
        if (numbers.isEmpty()) {
            Span span = cover(amounts);
            problems.add(new Problem(span, Problem.NO_PHONE, "No phone number for this amount"));
            return;
        }
        if (amounts.isEmpty()) {
            numbers.stream().filter(t -> t.kind() == Token.Kind.PHONE).forEach(t -> problems.add(
                    new Problem(t.span(), Problem.NO_AMOUNT, "No amount for this number")));
            return;
        }
        if (amounts.size() == 1 && (numbers.size() == 1 || clause.each)) {
            Token amount = amounts.get(0);
            numbers.forEach(number -> propose(number, amount));
            return;
        }
        if (amounts.size() == numbers.size() && clause.respectively) {
            for (int k = 0; k < numbers.size(); k++) {
                propose(numbers.get(k), amounts.get(k));
            }
            return;
        }
        Span span = cover(numbers).cover(cover(amounts));
        String hint = amounts.size() == 1
                ? "One amount for " + numbers.size() + " numbers: say 各/each if every number gets it"
                : amounts.size() == numbers.size()
                ? numbers.size() + " numbers and " + amounts.size() + " amounts: say 分别/respectively to pair them in order"
                : numbers.size() + " numbers and " + amounts.size() + " amounts cannot be paired";
        problems.add(new Problem(span, Problem.AMBIGUOUS, hint,
                Map.of("numbers", numbers.size(), "amounts", amounts.size())));
    }

    private void propose(Token number, Token amount) {
        if (number.kind() == Token.Kind.PHONE) {
            proposals.add(new Proposal(number.phone(), amount.fen(), number.span(), amount.span()));
        }
    }

    private static Span cover(List<Token> tokens) {
        Span span = tokens.get(0).span();
        for (Token token : tokens) {
            span = span.cover(token.span());
        }
        return span;
    }

    /** Consecutive numbers, then consecutive amounts, and so on. */
    private static List<List<Token>> runs(List<Token> items) {
        List<List<Token>> runs = new ArrayList<>();
        List<Token> run = null;
        for (Token token : items) {
            if (run == null || run.get(0).isNumber() != token.isNumber()) {
                run = new ArrayList<>();
                runs.add(run);
            }
            run.add(token);
        }
        return runs;
    }
}
