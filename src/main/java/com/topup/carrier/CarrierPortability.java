package com.topup.carrier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code carrier_portability}: the carrier a number moved to (携号转网), keyed by its phone hash. */
@Entity
@Table(name = "carrier_portability")
public class CarrierPortability extends PanacheEntityBase {

    @Id
    @Column(name = "phone_hash")
    public String phoneHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Carrier carrier;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
