package com.topup.instruction.reading;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbers and amounts between two clause breaks, with the 各/each and 分别/respectively said among them.
 * A clause that lacks numbers or amounts is merged with the next one (else the one before): "给A，B各充50" and
 * "各充50：A，B" are one clause each.
 */
final class Clause {

    final List<Token> items = new ArrayList<>();
    boolean each;
    boolean respectively;

    private boolean complete() {
        boolean numbers = false;
        boolean amounts = false;
        for (Token token : items) {
            numbers |= token.isNumber();
            amounts |= token.kind() == Token.Kind.AMOUNT;
        }
        return numbers && amounts;
    }

    private void absorb(Clause other) {
        items.addAll(other.items);
        each |= other.each;
        respectively |= other.respectively;
    }

    static List<Clause> of(List<Token> tokens) {
        List<Clause> clauses = new ArrayList<>();
        Clause pending = new Clause();
        for (Token token : tokens) {
            switch (token.kind()) {
                case BREAK -> {
                    if (pending.complete()) {
                        clauses.add(pending);
                        pending = new Clause();
                    }
                }
                case EACH -> pending.each = true;
                case RESPECTIVELY -> pending.respectively = true;
                default -> pending.items.add(token);
            }
        }
        if (pending.items.isEmpty()) {
            return clauses;
        }
        if (!pending.complete() && !clauses.isEmpty()) {
            clauses.get(clauses.size() - 1).absorb(pending);
        } else {
            clauses.add(pending);
        }
        return clauses;
    }
}
