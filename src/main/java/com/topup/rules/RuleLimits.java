package com.topup.rules;

/** Runtime guards of one decision: at most this many rule firings and this much time. */
public record RuleLimits(int maxFirings, long timeBudgetMillis) {
}
