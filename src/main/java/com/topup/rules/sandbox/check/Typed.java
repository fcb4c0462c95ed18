package com.topup.rules.sandbox.check;

import com.topup.rules.sandbox.vocab.RType;

/**
 * The type of a checked expression; for text, the most characters it can hold ({@code bound}); for a type name
 * used as the receiver of a static member, {@code staticType}.
 */
record Typed(RType type, int bound, Class<?> staticType) {

    static Typed of(RType type) {
        return new Typed(type, type.isString() ? Limits.FACT_TEXT : 0, null);
    }

    static Typed text(int bound) {
        return new Typed(RType.STRING, bound, null);
    }

    static Typed typeName(Class<?> type) {
        return new Typed(null, 0, type);
    }

    boolean isTypeName() {
        return staticType != null;
    }
}
