package com.topup.repair.reconciliation;

import com.topup.web.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The {@code date} of a reconciliation: a UTC day written YYYY-MM-DD. */
final class ReconciliationDates {

    private ReconciliationDates() {
    }

    static LocalDate parse(String date) {
        if (date == null || date.isBlank()) {
            throw new ApiException(400, "INVALID_REQUEST", "date is required (YYYY-MM-DD)", Map.of("field", "date"));
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "INVALID_REQUEST", "date must be a day written YYYY-MM-DD", Map.of("field", "date"));
        }
    }
}
