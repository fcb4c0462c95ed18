package com.topup.sim;

import java.time.Instant;

/** One order a simulated supplier took: what it was asked, where it stands, and the callbacks it sent. */
public final class SimOrder {

    public enum Status { PROCESSING, SUCCEEDED, FAILED }

    /** An immutable copy for answers and the staff API. */
    public record View(String supplier, String reference, String carrier, long amount, String channelReference,
                       String secondChannelReference, Status status, String errorCode, Instant createdAt,
                       Instant finishedAt, int callbacksSent, int callbacksAcknowledged) {
    }

    private final String supplier;
    private final String reference;
    private final String carrier;
    private final long amount;
    private final String callbackUrl;
    private final String channelReference;
    private final Instant createdAt;
    private String secondChannelReference;
    private Status status = Status.PROCESSING;
    private String errorCode;
    private Instant finishedAt;
    private int callbacksSent;
    private int callbacksAcknowledged;
    private long queries;

    SimOrder(String supplier, String reference, String carrier, long amount, String callbackUrl, String channelReference,
             Instant createdAt) {
        this.supplier = supplier;
        this.reference = reference;
        this.carrier = carrier;
        this.amount = amount;
        this.callbackUrl = callbackUrl;
        this.channelReference = channelReference;
        this.createdAt = createdAt;
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

    synchronized void chargeAgain(String reference) {
        secondChannelReference = reference;
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
                createdAt, finishedAt, callbacksSent, callbacksAcknowledged);
    }
}
