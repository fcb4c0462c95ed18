package com.topup.instruction.reading;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** A stretch {@code [start, end)} of the instruction's text, in UTF-16 code units (Java string indices). */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** The smallest span covering both. */
    public Span cover(Span other) {
        return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }

    /** Rendered as {@code [start, end]}, as CONTRACT §1 shows it. */
    @JsonValue
    public List<Integer> json() {
        return List.of(start, end);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
