package com.topup.channel.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds up counted cells (attempts of one channel, carrier, band and window, from the roll-up or from the attempts)
 * into each channel's figures overall, by band, by window and by carrier. Channels, bands, windows and carriers
 * without attempts are left out.
 */
final class CalibrationTally {

    /** Attempts of one channel, carrier, band and window: how many, how many succeeded, their predictions added up. */
    record Cell(String channel, String carrier, int band, int window, long attempts, long succeeded, double predictedSum) {
    }

    private static final class Sum {
        private long attempts;
        private long succeeded;
        private double predicted;

        void add(Cell cell) {
            attempts += cell.attempts();
            succeeded += cell.succeeded();
            predicted += cell.predictedSum();
        }

        boolean counts() {
            return attempts > 0;
        }

        CalibrationReport.Figures figures() {
            return new CalibrationReport.Figures(attempts, predicted / attempts, (double) succeeded / attempts);
        }
    }

    private static final class ChannelSums {
        private final Sum overall = new Sum();
        private final Map<Integer, Sum> bands = new TreeMap<>();
        private final Map<Integer, Sum> windows = new TreeMap<>();
        private final Map<String, Sum> carriers = new TreeMap<>();

        void add(Cell cell) {
            overall.add(cell);
            bands.computeIfAbsent(cell.band(), b -> new Sum()).add(cell);
            windows.computeIfAbsent(cell.window(), w -> new Sum()).add(cell);
            carriers.computeIfAbsent(cell.carrier(), c -> new Sum()).add(cell);
        }
    }

    private final Map<String, ChannelSums> channels = new TreeMap<>();

    void add(Cell cell) {
        channels.computeIfAbsent(cell.channel(), c -> new ChannelSums()).add(cell);
    }

    /** Each channel's figures, in the order of their codes; window {@code i} starts {@code i} windows after {@code from}. */
    List<CalibrationReport.ChannelCalibration> channels(Instant from, Duration window) {
        List<CalibrationReport.ChannelCalibration> result = new ArrayList<>();
        channels.forEach((code, sums) -> {
            if (!sums.overall.counts()) {
                return;
            }
            List<CalibrationReport.Band> bands = new ArrayList<>();
            sums.bands.forEach((band, sum) -> {
                if (sum.counts()) {
                    CalibrationReport.Figures f = sum.figures();
                    bands.add(new CalibrationReport.Band(PredictionBands.from(band), PredictionBands.to(band),
                            f.attempts(), f.predicted(), f.observed()));
                }
            });
            List<CalibrationReport.Window> windows = new ArrayList<>();
            sums.windows.forEach((index, sum) -> {
                if (sum.counts()) {
                    Instant start = from.plus(window.multipliedBy(index));
                    CalibrationReport.Figures f = sum.figures();
                    windows.add(new CalibrationReport.Window(start, start.plus(window), f.attempts(), f.predicted(),
                            f.observed()));
                }
            });
            List<CalibrationReport.Carrier> carriers = new ArrayList<>();
            sums.carriers.forEach((carrier, sum) -> {
                if (sum.counts()) {
                    CalibrationReport.Figures f = sum.figures();
                    carriers.add(new CalibrationReport.Carrier(carrier, f.attempts(), f.predicted(), f.observed()));
                }
            });
            result.add(new CalibrationReport.ChannelCalibration(code, sums.overall.figures(), bands, windows, carriers));
        });
        return result;
    }
}
