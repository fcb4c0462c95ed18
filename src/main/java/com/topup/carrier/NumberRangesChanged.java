package com.topup.carrier;

import java.util.List;

/** Fired when number ranges were inserted or updated in the current transaction. */
public record NumberRangesChanged(List<NumberRange> ranges) {
}
