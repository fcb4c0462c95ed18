package com.topup.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The order aggregate. Created by {@link OrderStore}; state moves only through guarded updates. */
@Entity
@Table(name = "topup_order")
public class TopUpOrder extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "merchant_id", nullable = false)
    public long merchantId;

    @Column(name = "merchant_order_id", nullable = false)
    public String merchantOrderId;

    @Column(name = "phone_cipher", nullable = false)
    public byte[] phoneCipher;

    @Column(name = "phone_hash", nullable = false)
    public String phoneHash;

    @Column(name = "phone_masked", nullable = false)
    public String phoneMasked;

    @Column(nullable = false)
    public String country;

    @Column(nullable = false)
    public String carrier;

    public String province;

    public String city;

    @Column(name = "face_value", nullable = false)
    public long faceValue;

    @Column(nullable = false)
    public long price;

    @Column(name = "notify_url")
    public String notifyUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    @Column(name = "failure_code")
    public String failureCode;

    @Version
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
