package com.topup.carrier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.hibernate.query.NativeQuery;

/** Reads and writes {@code carrier_number_range}; callers own the transaction. */
@ApplicationScoped
public class NumberRangeStore {

    /** What an upsert did to the table. */
    public enum Outcome { INSERTED, UPDATED, UNCHANGED }

    private static final String INSERT_IF_ABSENT = """
            insert into carrier_number_range (prefix, carrier, province, city, updated_at)
            values (:prefix, :carrier, :province, :city, :now)
            on conflict (prefix) do nothing""";

    private static final String UPDATE_IF_DIFFERENT = """
            update carrier_number_range
               set carrier = :carrier, province = :province, city = :city, updated_at = :now
             where prefix = :prefix
               and (carrier, province, city) is distinct from (:carrier, :province, :city)""";

    private final EntityManager em;

    NumberRangeStore(EntityManager em) {
        this.em = em;
    }

    public List<NumberRange> loadAll() {
        return em.createQuery("select new com.topup.carrier.NumberRange(r.prefix, r.carrier, r.province, r.city)"
                + " from CarrierNumberRange r", NumberRange.class).getResultList();
    }

    public boolean isEmpty() {
        return CarrierNumberRange.count() == 0;
    }

    /** Inserts the row unless its prefix exists; safe when several instances seed at once. */
    public boolean insertIfAbsent(NumberRange range, Instant now) {
        return bind(INSERT_IF_ABSENT, range, now).executeUpdate() == 1;
    }

    public Outcome upsert(NumberRange range, Instant now) {
        if (insertIfAbsent(range, now)) {
            return Outcome.INSERTED;
        }
        return bind(UPDATE_IF_DIFFERENT, range, now).executeUpdate() == 1 ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    private NativeQuery<?> bind(String sql, NumberRange range, Instant now) {
        NativeQuery<?> query = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        // Typed binding: PostgreSQL cannot infer the type of a bare null parameter in these statements.
        return query
                .setParameter("prefix", range.prefix(), String.class)
                .setParameter("carrier", range.carrier().name(), String.class)
                .setParameter("province", range.province(), String.class)
                .setParameter("city", range.city(), String.class)
                .setParameter("now", now, Instant.class);
    }
}
