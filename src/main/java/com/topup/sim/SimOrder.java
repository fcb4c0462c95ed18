package com.topup.sim;

import com.topup.channel.adapter.StatementLine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One order a simulated supplier took: what it was asked, where it stands, the charges it made (and which of them
 * were reversed), how its statement misstates them, and the callbacks it sent.
 */
public final class SimOrder {

    public enum Status { PROCESSING, SUCCEEDED, FAILED }

    /** An immutable copy for answers and the staff API. */
    public record View(String supplier, String reference, String carrier, long amount, String channelReference,
                       String secondChannelReference, Status status, String errorCode, Instant createdAt,
                       Instant finishedAt, int callbacksSent, int callbacksAcknowledged, List<SimCharge> charges) {
    }

    private final String supplier;
    private final String reference;
    private final String carrier;
    private final long amount;
    private final String callbackUrl;
    private final String channelReference;
    private final Instant createdAt;
    private final boolean statementOmitted;
    private final long statementAmountShift;
    private final List<SimCharge> charges = new ArrayList<>(1);
    private String secondChannelReference;
    private Status status = Status.PROCESSING;
    private String errorCode;
    private Instant finishedAt;
    private int callbacksSent;
    private int callbacksAcknowledged;
    private long queries;

    SimOrder(String supplier, String reference, String carrier, long amount, String callbackUrl, String channelReference,
             Instant createdAt, boolean statementOmitted, long statementAmountShift) {
        this.supplier = supplier;
        this.reference = reference;
        this.carrier = carrier;
        this.amount = amount;
        this.callbackUrl = callbackUrl;
        this.channelReference = channelReference;
        this.createdAt = createdAt;
        this.statementOmitted = statementOmitted;
        this.statementAmountShift = statementAmountShift;
    }

    String supplier() {
        return supplier;
    }

    String reference() {
        return reference;
    }

    String callbackUrl() {
        return callbackUrl;
    }

    String channelReference() {
        return channelReference;
    }

    synchronized void finish(boolean succeeded, String failureCode, Instant at) {
        status = succeeded ? Status.SUCCEEDED : Status.FAILED;
        errorCode = succeeded ? null : failureCode;
        finishedAt = at;
    }

    /** A failed order turns out to have succeeded after all. */
    synchronized void succeedLate(Instant at) {
        status = Status.SUCCEEDED;
        errorCode = null;
        finishedAt = at;
    }

    /** Charges the order's amount under the given reference (the order's own, or a second one). */
    synchronized void charge(String chargeReference, Instant at) {
        charges.add(new SimCharge(chargeReference, amount, at, null));
        if (!chargeReference.equals(channelReference)) {
            secondChannelReference = chargeReference;
        }
    }

    /**
     * Reverses the charge under {@code chargeReference} of {@code asked} fen unless {@code refuse}; a charge already
     * reversed stays reversed whatever is asked, so a repeated request answers REVERSED and changes nothing.
     */
    synchronized SimReversal.Verdict reverse(String chargeReference, long asked, boolean refuse, Instant at) {
        for (int i = 0; i < charges.size(); i++) {
            SimCharge charge = charges.get(i);
            if (!charge.channelReference().equals(chargeReference)) {
                continue;
            }
            if (charge.reversed()) {
                return SimReversal.Verdict.REVERSED;
            }
            if (charge.amount() != asked) {
                return SimReversal.Verdict.AMOUNT_MISMATCH;
            }
            if (refuse) {
                return SimReversal.Verdict.REFUSED;
            }
            charges.set(i, charge.reverse(at));
            return SimReversal.Verdict.REVERSED;
        }
        return status == Status.PROCESSING && chargeReference.equals(channelReference)
                ? SimReversal.Verdict.ORDER_PROCESSING : SimReversal.Verdict.NOT_CHARGED;
    }

    /** The UTC days on which the order was charged. */
    synchronized Set<LocalDate> chargeDays() {
        Set<LocalDate> days = new TreeSet<>();
        charges.forEach(c -> days.add(day(c.chargedAt())));
        return days;
    }

    /** The statement lines of the charges made on the UTC day and not reversed, as the supplier misstates them. */
    synchronized List<StatementLine> statementLines(LocalDate day) {
        if (statementOmitted) {
            return List.of();
        }
        List<StatementLine> lines = new ArrayList<>(charges.size());
        for (SimCharge charge : charges) {
            if (!charge.reversed() && day(charge.chargedAt()).equals(day)) {
                lines.add(new StatementLine(reference, charge.channelReference(), stated(charge.amount()), charge.chargedAt()));
            }
        }
        return lines;
    }

    /** The number of this status query about the order, from 1. */
    synchronized long nextQueryNumber() {
        return ++queries;
    }

    synchronized void callbackSent() {
        callbacksSent++;
    }

    synchronized void callbackAcknowledged() {
        callbacksAcknowledged++;
    }

    public synchronized View view() {
        return new View(supplier, reference, carrier, amount, channelReference, secondChannelReference, status, errorCode,
                createdAt, finishedAt, callbacksSent, callbacksAcknowledged, List.copyOf(charges));
    }

    private long stated(long charged) {
        long shifted = charged + statementAmountShift;
        return shifted >= 1 ? shifted : charged - statementAmountShift;
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
