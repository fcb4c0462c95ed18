package com.topup.carrier;

import java.util.List;

/** The outcome of reading a number-range CSV: the good rows and every rejected line. */
public record ParsedNumberRanges(List<NumberRange> ranges, List<RejectedLine> rejected) {

    public ParsedNumberRanges {
        ranges = List.copyOf(ranges);
        rejected = List.copyOf(rejected);
    }
}
