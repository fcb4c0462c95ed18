package com.topup.carrier;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** An immutable snapshot of the enabled face values per carrier. */
public final class ProductOffers {

    public static final ProductOffers NONE = of(List.of());

    private final Map<Carrier, List<Long>> faceValues;
    private final Map<Carrier, Set<Long>> offered;

    private ProductOffers(Map<Carrier, List<Long>> faceValues, Map<Carrier, Set<Long>> offered) {
        this.faceValues = faceValues;
        this.offered = offered;
    }

    public static ProductOffers of(Collection<ProductOffer> offers) {
        Map<Carrier, TreeSet<Long>> sorted = new EnumMap<>(Carrier.class);
        offers.forEach(offer -> sorted.computeIfAbsent(offer.carrier(), c -> new TreeSet<>()).add(offer.faceValue()));
        Map<Carrier, List<Long>> faceValues = new EnumMap<>(Carrier.class);
        Map<Carrier, Set<Long>> offered = new EnumMap<>(Carrier.class);
        sorted.forEach((carrier, values) -> {
            faceValues.put(carrier, List.copyOf(values));
            offered.put(carrier, Set.copyOf(values));
        });
        return new ProductOffers(faceValues, offered);
    }

    /** The carrier's face values in fen, ascending; empty when it has none. */
    public List<Long> faceValues(Carrier carrier) {
        return faceValues.getOrDefault(carrier, List.of());
    }

    public boolean offers(Carrier carrier, long faceValue) {
        return offered.getOrDefault(carrier, Set.of()).contains(faceValue);
    }
}
