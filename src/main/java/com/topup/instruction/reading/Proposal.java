package com.topup.instruction.reading;

/**
 * One top-up an instruction asks for, before anything is checked against the carriers and the catalogue.
 *
 * @param phone the number as read: 11 national digits, or {@code +} and the digits of a foreign number
 * @param faceValue the amount asked for, in fen
 * @param phoneSpan where the number is in the text
 * @param amountSpan where the amount is in the text
 */
public record Proposal(String phone, long faceValue, Span phoneSpan, Span amountSpan) {
}
