package com.topup.merchant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "merchant")
public class Merchant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "secret_cipher", nullable = false)
    public byte[] secretCipher;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MerchantStatus status = MerchantStatus.ACTIVE;

    /** Merchant price as basis points of face value (9850 = 98.5 %). */
    @Column(name = "price_rate_bp", nullable = false)
    public int priceRateBp;

    @Column(nullable = false)
    public String tier = "STANDARD";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Requests per second over all instances; null for the configured default. */
    @Column(name = "requests_per_second")
    public Integer requestsPerSecond;

    /** Addresses and CIDR blocks its requests may come from; null for anywhere. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_ips", columnDefinition = "text[]")
    public String[] allowedIps;
}
