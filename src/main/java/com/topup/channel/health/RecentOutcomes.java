package com.topup.channel.health;

import java.util.List;

/**
 * The channel's most recent finished attempts that count towards opening its circuit, newest first:
 * true where the attempt failed by the channel's fault (see {@link ChannelFaults}).
 */
record RecentOutcomes(List<Boolean> faultsNewestFirst) {

    RecentOutcomes {
        faultsNewestFirst = List.copyOf(faultsNewestFirst);
    }

    static RecentOutcomes none() {
        return new RecentOutcomes(List.of());
    }

    int finished() {
        return faultsNewestFirst.size();
    }

    int faults() {
        return (int) faultsNewestFirst.stream().filter(f -> f).count();
    }

    /** Faults in a row counting back from the newest attempt. */
    int latestFaultsInARow() {
        int n = 0;
        while (n < faultsNewestFirst.size() && faultsNewestFirst.get(n)) {
            n++;
        }
        return n;
    }
}
