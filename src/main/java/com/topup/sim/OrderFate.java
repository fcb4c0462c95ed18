package com.topup.sim;

/**
 * Everything chance decides about one submitted order, drawn at once when it arrives.
 *
 * @param immediate          the synchronous answer
 * @param succeeds           whether an accepted order ends SUCCEEDED (else FAILED)
 * @param submitDelayMs      delay of the synchronous answer
 * @param resultDelayMs      delay from arrival to the final result
 * @param callbackLost       no callback is sent
 * @param callbackDuplicated the callback is sent a second time {@code duplicateGapMs} after the first
 * @param callbackLate       the callback goes out the behaviour's late delay after the result
 * @param chargedTwice       a successful order is charged again {@code secondChargeGapMs} after its result
 * @param channelReference   the supplier's reference for the order
 * @param secondReference    the supplier's reference of the second charge
 * @param chargedDespiteFailure an order that ends FAILED is charged all the same (it shows on the statement)
 * @param succeedsAfterFailure an order that ends FAILED turns SUCCEEDED (and is charged) the behaviour's
 *                           {@code successAfterFailureDelayMs} later
 * @param statementOmitted   the order's charges are left off the statement
 * @param statementAmountShift what the statement adds to each of the order's charged amounts (0: stated as
 *                           charged; otherwise 100 to 1,000 fen either way)
 */
public record OrderFate(Immediate immediate, boolean succeeds, long submitDelayMs, long resultDelayMs,
                        boolean callbackLost, boolean callbackDuplicated, long duplicateGapMs, boolean callbackLate,
                        boolean chargedTwice, long secondChargeGapMs, String channelReference, String secondReference,
                        boolean chargedDespiteFailure, boolean succeedsAfterFailure, boolean statementOmitted,
                        long statementAmountShift) {

    public enum Immediate {
        ACCEPT,
        CARRIER_NOT_SERVED,
        REJECT,
        OUT_OF_STOCK
    }

    /**
     * Draws a fate. The same number of values is drawn whatever the outcome, so that a generator seeded alike gives
     * alike fates even when the rates differ.
     */
    public static OrderFate draw(SupplierBehaviour behaviour, String supplierCode, String carrier,
                                 java.util.random.RandomGenerator random) {
        double immediateDraw = random.nextDouble();
        double successDraw = random.nextDouble();
        long submitDelay = behaviour.submitLatency().draw(random);
        long resultDelay = behaviour.resultLatency().draw(random);
        double lostDraw = random.nextDouble();
        double duplicateDraw = random.nextDouble();
        double lateDraw = random.nextDouble();
        double twiceDraw = random.nextDouble();
        long duplicateGap = 200 + random.nextLong(3_000);
        long secondGap = behaviour.resultLatency().draw(random);
        String reference = supplierCode.toUpperCase(java.util.Locale.ROOT) + "-" + Long.toHexString(random.nextLong() >>> 1);
        String secondReference = supplierCode.toUpperCase(java.util.Locale.ROOT) + "-" + Long.toHexString(random.nextLong() >>> 1);
        double despiteDraw = random.nextDouble();
        double afterFailureDraw = random.nextDouble();
        double omitDraw = random.nextDouble();
        double amountErrorDraw = random.nextDouble();
        long shift = (100 + random.nextLong(901)) * (random.nextBoolean() ? 1 : -1);

        Double successRate = carrier == null ? null : behaviour.successRate().get(carrier);
        Immediate immediate;
        if (successRate == null) {
            immediate = Immediate.CARRIER_NOT_SERVED;
        } else if (immediateDraw < behaviour.rejectRate()) {
            immediate = Immediate.REJECT;
        } else if (immediateDraw < behaviour.rejectRate() + behaviour.outOfStockRate()) {
            immediate = Immediate.OUT_OF_STOCK;
        } else {
            immediate = Immediate.ACCEPT;
        }
        boolean succeeds = successRate != null && successDraw < successRate;
        boolean lost = lostDraw < behaviour.lostCallbackRate();
        boolean afterFailure = !succeeds && afterFailureDraw < behaviour.successAfterFailureRate();
        return new OrderFate(immediate, succeeds, submitDelay, resultDelay, lost,
                !lost && duplicateDraw < behaviour.duplicateCallbackRate(), duplicateGap,
                !lost && lateDraw < behaviour.lateCallbackRate(),
                succeeds && twiceDraw < behaviour.chargedTwiceRate(), secondGap, reference, secondReference,
                !succeeds && !afterFailure && despiteDraw < behaviour.chargedDespiteFailureRate(), afterFailure,
                omitDraw < behaviour.statementOmitRate(),
                amountErrorDraw < behaviour.statementAmountErrorRate() ? shift : 0);
    }
}
