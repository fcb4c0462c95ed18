package com.topup.carrier;

import java.util.List;

/**
 * What an import did.
 *
 * @param inserted rows for new prefixes
 * @param updated existing prefixes whose carrier, province or city changed
 * @param unchanged existing prefixes already holding the same values
 * @param rejected every line that was not imported, in line order
 */
public record NumberRangeImportSummary(int inserted, int updated, int unchanged, List<RejectedLine> rejected) {

    public NumberRangeImportSummary {
        rejected = List.copyOf(rejected);
    }
}
