package com.topup.rules.model;

/**
 * An anomaly found on an order, as repair rules see it. Money in fen, durations in milliseconds; fields that do
 * not apply to a kind are 0 or null (e.g. {@code reportedAmount} only for AMOUNT_MISMATCH).
 */
public final class AnomalyFact {

    private final AnomalyKind kind;
    private final String orderId;
    private final String orderStatus;
    private final String channel;
    private final String secondChannel;
    private final long stuckMillis;
    private final int queriesSoFar;
    private final String lastQueryStatus;
    private final long expectedAmount;
    private final long reportedAmount;
    private final int occurrences;
    private final long windowMillis;
    private final long sincePreviousMillis;
    private final long amountAtStake;

    public AnomalyFact(AnomalyKind kind, String orderId, String orderStatus, String channel, String secondChannel,
                       long stuckMillis, int queriesSoFar, String lastQueryStatus, long expectedAmount,
                       long reportedAmount, int occurrences, long windowMillis) {
        this(kind, orderId, orderStatus, channel, secondChannel, stuckMillis, queriesSoFar, lastQueryStatus,
                expectedAmount, reportedAmount, occurrences, windowMillis, 0, 0);
    }

    private AnomalyFact(AnomalyKind kind, String orderId, String orderStatus, String channel, String secondChannel,
                        long stuckMillis, int queriesSoFar, String lastQueryStatus, long expectedAmount,
                        long reportedAmount, int occurrences, long windowMillis, long sincePreviousMillis,
                        long amountAtStake) {
        this.kind = kind;
        this.orderId = orderId;
        this.orderStatus = orderStatus;
        this.channel = channel;
        this.secondChannel = secondChannel;
        this.stuckMillis = stuckMillis;
        this.queriesSoFar = queriesSoFar;
        this.lastQueryStatus = lastQueryStatus;
        this.expectedAmount = expectedAmount;
        this.reportedAmount = reportedAmount;
        this.occurrences = occurrences;
        this.windowMillis = windowMillis;
        this.sincePreviousMillis = sincePreviousMillis;
        this.amountAtStake = amountAtStake;
    }

    public static Builder of(AnomalyKind kind, String orderId) {
        return new Builder(kind, orderId);
    }

    /** The kind as text, for conditions such as {@code AnomalyFact( kind == "STUCK_PROCESSING" )}. */
    public String getKind() {
        return kind.name();
    }

    public String getOrderId() {
        return orderId;
    }

    /** The order's status now: PENDING, PROCESSING, SUCCEEDED, FAILED or REVIEW. */
    public String getOrderStatus() {
        return orderStatus;
    }

    /** The channel concerned (for DUPLICATE_SUCCESS: the one that succeeded first). */
    public String getChannel() {
        return channel;
    }

    /** DUPLICATE_SUCCESS: the channel that reported the second success (may equal channel). */
    public String getSecondChannel() {
        return secondChannel;
    }

    /** STUCK_PROCESSING: how long the order has waited for its channel's answer. */
    public long getStuckMillis() {
        return stuckMillis;
    }

    /** STUCK_PROCESSING: status queries already made for the current attempt. */
    public int getQueriesSoFar() {
        return queriesSoFar;
    }

    /** STUCK_PROCESSING: what the last status query answered (PROCESSING, SUCCEEDED, FAILED, NOT_FOUND, UNKNOWN) or null. */
    public String getLastQueryStatus() {
        return lastQueryStatus;
    }

    /** The order's face value. */
    public long getExpectedAmount() {
        return expectedAmount;
    }

    /** AMOUNT_MISMATCH: the amount the channel says it topped up. */
    public long getReportedAmount() {
        return reportedAmount;
    }

    /** DUPLICATE_SUBMISSION: orders of the same merchant, phone and face value within the window, this one included. */
    public int getOccurrences() {
        return occurrences;
    }

    /** DUPLICATE_SUBMISSION: the window the occurrences were counted in. */
    public long getWindowMillis() {
        return windowMillis;
    }

    /** DUPLICATE_SUBMISSION: time since the previous order of the same merchant, phone and face value. */
    public long getSincePreviousMillis() {
        return sincePreviousMillis;
    }

    /** Fen the platform or the merchant stands to lose while the anomaly is open (e.g. a second charge). */
    public long getAmountAtStake() {
        return amountAtStake;
    }

    /** Names each field of an anomaly; fields not set are 0 or null. */
    public static final class Builder {
        private final AnomalyKind kind;
        private final String orderId;
        private String orderStatus;
        private String channel;
        private String secondChannel;
        private long stuckMillis;
        private int queriesSoFar;
        private String lastQueryStatus;
        private long expectedAmount;
        private long reportedAmount;
        private int occurrences;
        private long windowMillis;
        private long sincePreviousMillis;
        private long amountAtStake;

        private Builder(AnomalyKind kind, String orderId) {
            this.kind = kind;
            this.orderId = orderId;
        }

        public Builder orderStatus(String value) {
            orderStatus = value;
            return this;
        }

        public Builder channel(String value) {
            channel = value;
            return this;
        }

        public Builder secondChannel(String value) {
            secondChannel = value;
            return this;
        }

        public Builder stuck(long millis, int queries, String lastAnswer) {
            stuckMillis = millis;
            queriesSoFar = queries;
            lastQueryStatus = lastAnswer;
            return this;
        }

        public Builder amounts(long expected, long reported) {
            expectedAmount = expected;
            reportedAmount = reported;
            return this;
        }

        public Builder repeats(int count, long window, long sincePrevious) {
            occurrences = count;
            windowMillis = window;
            sincePreviousMillis = sincePrevious;
            return this;
        }

        public Builder amountAtStake(long fen) {
            amountAtStake = fen;
            return this;
        }

        public AnomalyFact build() {
            return new AnomalyFact(kind, orderId, orderStatus, channel, secondChannel, stuckMillis, queriesSoFar,
                    lastQueryStatus, expectedAmount, reportedAmount, occurrences, windowMillis, sincePreviousMillis,
                    amountAtStake);
        }
    }
}
