package com.topup.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One try to deliver a callback: when, the merchant's HTTP status (null when no answer), how long, what failed. */
@Entity
@Table(name = "merchant_notification_attempt")
public class NotificationAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "notification_id", nullable = false)
    public long notificationId;

    @Column(name = "attempt_no", nullable = false)
    public int attemptNo;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Column(name = "http_status")
    public Integer httpStatus;

    @Column(name = "latency_ms", nullable = false)
    public long latencyMs;

    public String error;
}
