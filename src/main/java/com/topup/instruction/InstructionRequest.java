package com.topup.instruction;

/** {@code POST /api/v1/instructions}: the text to understand, and the callback URL its orders will carry. */
public record InstructionRequest(String text, String notifyUrl) {
}
