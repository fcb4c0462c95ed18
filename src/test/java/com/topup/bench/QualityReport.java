package com.topup.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The routing-quality comparison: one row per policy, the gap to the oracle, and the targets met or not. */
final class QualityReport {

    private final List<PolicyFigures> results;
    private final double referenceRoundRobin;
    private final double referenceSmart;
    private final double oracleGapTarget;

    QualityReport(List<PolicyFigures> results, double referenceRoundRobin, double referenceSmart, double oracleGapTarget) {
        this.results = results;
        this.referenceRoundRobin = referenceRoundRobin;
        this.referenceSmart = referenceSmart;
        this.oracleGapTarget = oracleGapTarget;
    }

    void print(PrintStream out) {
        PolicyFigures oracle = find("oracle");
        out.println();
        out.println("policy       rules  orders  final  success %  gap to oracle  1st attempt %  attempts/order  "
                + "mean ms  p95 ms  channel cost CNY  per success CNY  cost/face %");
        for (PolicyFigures f : results) {
            out.printf(Locale.ROOT, "%-12s %5s  %6d  %5d  %9.2f  %+13.2f  %13.2f  %14.3f  %7.0f  %6d  %16.2f  %15.2f  %11.3f%n",
                    f.policy(), "v" + f.ruleVersion(), f.submitted(), f.finalOrders(), f.successPercent(),
                    f.successPercent() - oracle.successPercent(), f.firstAttemptPercent(), f.meanAttempts(),
                    f.toFinal().mean(), f.toFinal().at(95), f.costFen() / 100.0, f.meanCostPerSucceededFen() / 100.0,
                    f.costPercentOfFaceValue());
        }
        out.println();
        out.println("where the time goes (ms, mean / p95): accepted -> first channel call | first channel call -> its result");
        for (PolicyFigures f : results) {
            out.printf(Locale.ROOT, "%-12s %6.0f / %6d | %6.0f / %6d   attempts with status queries: %d%n", f.policy(),
                    f.toFirstAttempt().mean(), f.toFirstAttempt().at(95), f.firstAttempt().mean(), f.firstAttempt().at(95),
                    f.attemptsQueried());
        }
        out.println();
        for (PolicyFigures f : results) {
            out.printf("%-12s first attempts by channel %s%s%s%n", f.policy(), f.firstChannelShare(),
                    f.review() + f.stillOpen() == 0 ? "" : String.format("; REVIEW %d, not final %d", f.review(), f.stillOpen()),
                    f.otherVersions().isEmpty() ? "" : "; attempts decided by another rule version: " + f.otherVersions());
        }
        PolicyFigures seed = find("seed");
        double noise = 100 * Math.sqrt(seed.successPercent() / 100 * (1 - seed.successPercent() / 100)
                / Math.max(1, seed.finalOrders()));
        out.println();
        out.printf(Locale.ROOT, "Reference figures from the brief: round robin %.1f %% / 380 ms, smart routing %.1f %% / 210 ms.%n",
                referenceRoundRobin, referenceSmart);
        out.printf(Locale.ROOT, "Seed rules beat %.1f %%: %s (measured %.2f %%).%n", referenceSmart,
                seed.successPercent() > referenceSmart ? "yes" : "NO", seed.successPercent());
        out.printf(Locale.ROOT, "Seed rules within %.1f points of the oracle: %s (gap %+.2f points; one standard error of a "
                        + "success rate over %d orders is %.2f points).%n", oracleGapTarget,
                oracle.successPercent() - seed.successPercent() <= oracleGapTarget ? "yes" : "NO",
                seed.successPercent() - oracle.successPercent(), seed.finalOrders(), noise);
        out.println("Success is per order after fallback (the seed fallback rules move a failed order to the next channel),"
                + " so routing shows mostly in first-attempt success, time to final and cost.");
        out.println("Order ids differ from run to run and the simulator draws each attempt's fate from the seed and the"
                + " attempt id, so the runs share the scenario's odds, not the individual fates.");
    }

    private PolicyFigures find(String policy) {
        return results.stream().filter(f -> f.policy().equals(policy)).findFirst().orElseThrow();
    }
}
