package com.topup.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one simulated supplier, for the staff API and benchmarks. */
final class SimStats {

    final LongAdder submits = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder outOfStock = new LongAdder();
    final LongAdder badRequests = new LongAdder();
    final LongAdder outageRefusals = new LongAdder();
    final LongAdder succeeded = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder chargedTwice = new LongAdder();
    final LongAdder chargedDespiteFailure = new LongAdder();
    final LongAdder succeededAfterFailure = new LongAdder();
    final LongAdder callbacksSent = new LongAdder();
    final LongAdder callbacksAcknowledged = new LongAdder();
    final LongAdder callbacksUnacknowledged = new LongAdder();
    final LongAdder callbacksLost = new LongAdder();
    final LongAdder callbacksDuplicated = new LongAdder();
    final LongAdder callbacksLate = new LongAdder();
    final LongAdder queries = new LongAdder();
    final LongAdder queriesFailed = new LongAdder();
    final LongAdder queriesSlow = new LongAdder();
    final LongAdder reversals = new LongAdder();
    final LongAdder reversalsRefused = new LongAdder();
    final LongAdder statements = new LongAdder();

    Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("submits", submits.sum());
        counts.put("accepted", accepted.sum());
        counts.put("rejected", rejected.sum());
        counts.put("outOfStock", outOfStock.sum());
        counts.put("badRequests", badRequests.sum());
        counts.put("outageRefusals", outageRefusals.sum());
        counts.put("succeeded", succeeded.sum());
        counts.put("failed", failed.sum());
        counts.put("chargedTwice", chargedTwice.sum());
        counts.put("chargedDespiteFailure", chargedDespiteFailure.sum());
        counts.put("succeededAfterFailure", succeededAfterFailure.sum());
        counts.put("callbacksSent", callbacksSent.sum());
        counts.put("callbacksAcknowledged", callbacksAcknowledged.sum());
        counts.put("callbacksUnacknowledged", callbacksUnacknowledged.sum());
        counts.put("callbacksLost", callbacksLost.sum());
        counts.put("callbacksDuplicated", callbacksDuplicated.sum());
        counts.put("callbacksLate", callbacksLate.sum());
        counts.put("queries", queries.sum());
        counts.put("queriesFailed", queriesFailed.sum());
        counts.put("queriesSlow", queriesSlow.sum());
        counts.put("reversals", reversals.sum());
        counts.put("reversalsRefused", reversalsRefused.sum());
        counts.put("statements", statements.sum());
        return counts;
    }
}
