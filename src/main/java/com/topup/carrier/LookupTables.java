package com.topup.carrier;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * An immutable snapshot of the number-range table and the portability overrides, as the resolver reads them.
 *
 * @param rangesByPrefix number ranges keyed by their 7-digit prefix
 * @param carrierByPhoneHash portability overrides keyed by {@code PhoneCrypto.hash(e164)}
 */
public record LookupTables(Map<String, NumberRange> rangesByPrefix, Map<String, Carrier> carrierByPhoneHash) {

    public static final LookupTables EMPTY = new LookupTables(Map.of(), Map.of());

    public LookupTables {
        rangesByPrefix = Map.copyOf(rangesByPrefix);
        carrierByPhoneHash = Map.copyOf(carrierByPhoneHash);
    }

    public static LookupTables of(Collection<NumberRange> ranges, Map<String, Carrier> carrierByPhoneHash) {
        Map<String, NumberRange> byPrefix = new HashMap<>();
        ranges.forEach(range -> byPrefix.put(range.prefix(), range));
        return new LookupTables(byPrefix, carrierByPhoneHash);
    }

    /** This snapshot with {@code ranges} added or replaced. */
    public LookupTables withRanges(Collection<NumberRange> ranges) {
        Map<String, NumberRange> byPrefix = new HashMap<>(rangesByPrefix);
        ranges.forEach(range -> byPrefix.put(range.prefix(), range));
        return new LookupTables(byPrefix, carrierByPhoneHash);
    }

    /** This snapshot with the override for {@code phoneHash} set, or removed when {@code carrier} is null. */
    public LookupTables withPortability(String phoneHash, Carrier carrier) {
        Map<String, Carrier> overrides = new HashMap<>(carrierByPhoneHash);
        if (carrier == null) {
            overrides.remove(phoneHash);
        } else {
            overrides.put(phoneHash, carrier);
        }
        return new LookupTables(rangesByPrefix, overrides);
    }
}
