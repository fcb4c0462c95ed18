package com.topup.carrier;

import com.topup.audit.Actor;
import com.topup.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Imports number-range CSV (see {@link NumberRangeCsv}) into {@code carrier_number_range} as an upsert. */
@ApplicationScoped
@Transactional
public class NumberRangeImporter {

    private final NumberRangeStore store;
    private final Event<NumberRangesChanged> changes;
    private final AuditTrail audit;

    NumberRangeImporter(NumberRangeStore store, Event<NumberRangesChanged> changes, AuditTrail audit) {
        this.audit = audit;
        this.store = store;
        this.changes = changes;
    }

    /**
     * Inserts new prefixes and updates existing ones; bad lines are skipped and all reported in the summary.
     * Lookups on this instance see the result once the transaction commits, on the others within the refresh
     * period.
     */
    public NumberRangeImportSummary importCsv(String csv, Actor actor) {
        ParsedNumberRanges parsed = NumberRangeCsv.parse(csv);
        Instant now = Instant.now();
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        List<NumberRange> imported = new ArrayList<>();
        for (NumberRange range : parsed.ranges()) {
            switch (store.upsert(range, now)) {
                case INSERTED -> inserted++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
            imported.add(range);
        }
        if (!imported.isEmpty()) {
            changes.fire(new NumberRangesChanged(imported));
        }
        audit.record(actor, "NUMBER_RANGES_IMPORTED", "number-ranges", null, null, String.format(
                "{\"inserted\":%d,\"updated\":%d,\"unchanged\":%d,\"rejected\":%d}", inserted, updated, unchanged,
                parsed.rejected().size()));
        return new NumberRangeImportSummary(inserted, updated, unchanged, parsed.rejected());
    }
}
