package com.topup.instruction.reading;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A part of an instruction that cannot become a top-up, and why (CONTRACT §1 problem codes).
 *
 * @param details optional facts for the reader, e.g. the carrier's face values
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(Span span, String code, String message, Map<String, Object> details) {

    public static final String NO_PHONE = "NO_PHONE";
    public static final String NO_AMOUNT = "NO_AMOUNT";
    public static final String INVALID_PHONE = "INVALID_PHONE";
    public static final String UNSUPPORTED_CARRIER = "UNSUPPORTED_CARRIER";
    public static final String UNSUPPORTED_FACE_VALUE = "UNSUPPORTED_FACE_VALUE";
    public static final String AMBIGUOUS = "AMBIGUOUS";
    /** The text needed the language-model interpreter, which did not answer usably; the rule-based reading stands. */
    public static final String MODEL_UNAVAILABLE = "MODEL_UNAVAILABLE";

    public Problem(Span span, String code, String message) {
        this(span, code, message, null);
    }
}
