package com.topup.rules.sandbox.check;

/** A change the sandbox makes to the text it hands to the compiler: [start, end) becomes {@code replacement}. */
public record Edit(int start, int end, String replacement) {
}
