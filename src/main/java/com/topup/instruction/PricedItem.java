package com.topup.instruction;

import com.topup.carrier.PhoneLookup;
import com.topup.instruction.reading.Span;

/** A top-up of an instruction that passed every check: a mobile number of a supported carrier, an offered face value. */
public record PricedItem(PhoneLookup phone, long faceValue, long price, Span span) {
}
