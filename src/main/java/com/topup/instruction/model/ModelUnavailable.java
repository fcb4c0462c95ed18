package com.topup.instruction.model;

/** The language model did not answer, or its answer did not fit the text; the request goes on without it. */
public class ModelUnavailable extends RuntimeException {

    public ModelUnavailable(String message) {
        super(message);
    }

    public ModelUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
