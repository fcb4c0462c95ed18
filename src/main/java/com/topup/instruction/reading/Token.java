package com.topup.instruction.reading;

/**
 * A piece of an instruction that matters for pairing numbers with amounts.
 *
 * @param phone for {@link Kind#PHONE}: the national digits or {@code +digits}; otherwise null
 * @param fen for {@link Kind#AMOUNT}: the amount in fen
 * @param marked for {@link Kind#AMOUNT}: written with a unit, a currency or a Chinese multiplier, not a bare number
 */
record Token(Kind kind, Span span, String phone, long fen, boolean marked) {

    enum Kind {
        /** A mobile-looking number: 11 digits starting with 1 (after +86 / 0086), or a foreign number with +. */
        PHONE,
        /** A long number that cannot be a Chinese mobile number (a landline, a digit too many or too few). */
        NOT_MOBILE,
        AMOUNT,
        /** 各, 每个, each, both …: one amount for every number next to it. */
        EACH,
        /** 分别, respectively: several amounts for as many numbers, in order. */
        RESPECTIVELY,
        /** Punctuation ending a clause: ，。；！？ and line breaks. */
        BREAK
    }

    static Token phone(Span span, String phone) {
        return new Token(Kind.PHONE, span, phone, 0, false);
    }

    static Token notMobile(Span span) {
        return new Token(Kind.NOT_MOBILE, span, null, 0, false);
    }

    static Token amount(Span span, long fen, boolean marked) {
        return new Token(Kind.AMOUNT, span, null, fen, marked);
    }

    static Token word(Kind kind, Span span) {
        return new Token(kind, span, null, 0, false);
    }

    boolean isNumber() {
        return kind == Kind.PHONE || kind == Kind.NOT_MOBILE;
    }
}
