package com.topup.channel.adapter;

import java.time.LocalDate;
import java.util.List;

/** A supplier's statement of one UTC day, or why it could not be had (available false, with an error class). */
public record StatementResult(LocalDate day, boolean available, List<StatementLine> lines, String errorClass,
                              String message) {

    public static StatementResult of(LocalDate day, List<StatementLine> lines) {
        return new StatementResult(day, true, List.copyOf(lines), null, null);
    }

    public static StatementResult unavailable(LocalDate day, String errorClass, String message) {
        return new StatementResult(day, false, List.of(), errorClass, message);
    }
}
