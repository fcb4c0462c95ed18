package com.topup.rules.sandbox.vocab;

import java.util.Collection;

/**
 * A type as the checker sees it: a class and, for a collection, the type of its elements. {@link #NULL} is the type
 * of the literal {@code null}.
 */
public record RType(Class<?> raw, RType element) {

    public static final RType NULL = new RType(Void.class, null);
    public static final RType BOOLEAN = of(boolean.class);
    public static final RType INT = of(int.class);
    public static final RType LONG = of(long.class);
    public static final RType DOUBLE = of(double.class);
    public static final RType STRING = of(String.class);

    public static RType of(Class<?> raw) {
        return new RType(raw, null);
    }

    public static RType collectionOf(Class<?> raw, RType element) {
        return new RType(raw, element);
    }

    public boolean isNull() {
        return raw == Void.class;
    }

    public boolean isString() {
        return raw == String.class;
    }

    public boolean isBoolean() {
        return raw == boolean.class || raw == Boolean.class;
    }

    /** int, long, double and their boxes, and Number. */
    public boolean isNumeric() {
        return raw == int.class || raw == long.class || raw == double.class || raw == Integer.class || raw == Long.class
                || raw == Double.class || raw == Number.class;
    }

    public boolean isCollection() {
        return Collection.class.isAssignableFrom(raw);
    }

    /** The primitive this numeric type computes in: int, long or double. */
    public Class<?> arithmetic() {
        if (raw == int.class || raw == Integer.class) {
            return int.class;
        }
        if (raw == long.class || raw == Long.class) {
            return long.class;
        }
        return double.class;
    }

    public String display() {
        if (isNull()) {
            return "null";
        }
        String name = raw.getSimpleName();
        return element == null ? name : name + "<" + element.display() + ">";
    }
}
