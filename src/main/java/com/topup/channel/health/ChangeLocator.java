package com.topup.channel.health;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where a surprising run of a channel's attempts for a carrier has its surprise: in one province (the channel ×
 * carrier record still holds elsewhere; the province's cells have to learn) or spread over the channel and carrier
 * (its record is stale everywhere). The surprise is one province's when the run without that province's attempts is
 * no surprise any more: as many failures (or as few) as the rest had have a chance of at least
 * {@code spreadSignificance} under the rest's predictions. The province tried is the one whose removal leaves the
 * least surprising rest; a run from one province only is that province's.
 */
final class ChangeLocator {

    private ChangeLocator() {
    }

    /** The province the surprise is in, or null when it is spread over the channel and carrier. */
    static String locate(RecentRun run, double spreadSignificance) {
        Set<String> provinces = new LinkedHashSet<>();
        run.attempts().forEach(j -> provinces.add(SuccessModel.province(j.attempt())));
        String best = null;
        double bestChance = -1;
        for (String province : provinces) {
            RecentRun rest = run.without(province);
            double chance = SurpriseTest.chance(rest.predicted(), rest.failures());
            if (chance > bestChance) {
                best = province;
                bestChance = chance;
            }
        }
        return bestChance >= spreadSignificance ? best : null;
    }
}
