package com.topup.carrier;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Reads and writes {@code carrier_number_range}; callers own the transaction. */
@ApplicationScoped
public class NumberRangeStore {

    /** What an upsert did to the table. */
    public enum Outcome { INSERTED, UPDATED, UNCHANGED }

    private static final String INSERT_IF_ABSENT = """
            insert into carrier_number_range (prefix, carrier, province, city, updated_at)
            values (?, ?, ?, ?, ?)
            on conflict (prefix) do nothing""";

    private static final String UPDATE_IF_DIFFERENT = """
            update carrier_number_range
               set carrier = ?, province = ?, city = ?, updated_at = ?
             where prefix = ?
               and (carrier, province, city) is distinct from (?, ?, ?)""";

    private final Sql sql;

    NumberRangeStore(Sql sql) {
        this.sql = sql;
    }

    public List<NumberRange> loadAll() {
        return CarrierNumberRange.findAll().project(NumberRange.class).list();
    }

    public boolean isEmpty() {
        return CarrierNumberRange.count() == 0;
    }

    /** Inserts the row unless its prefix exists; safe when several instances seed at once. */
    public boolean insertIfAbsent(NumberRange range, Instant now) {
        return sql.update(INSERT_IF_ABSENT, range.prefix(), range.carrier().name(), range.province(), range.city(), now) == 1;
    }

    public Outcome upsert(NumberRange range, Instant now) {
        if (insertIfAbsent(range, now)) {
            return Outcome.INSERTED;
        }
        String carrier = range.carrier().name();
        int updated = sql.update(UPDATE_IF_DIFFERENT, carrier, range.province(), range.city(), now, range.prefix(),
                carrier, range.province(), range.city());
        return updated == 1 ? Outcome.UPDATED : Outcome.UNCHANGED;
    }
}
