package com.topup.carrier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code carrier_number_range}: carrier and region of every number starting with the prefix. */
@Entity
@Table(name = "carrier_number_range")
public class CarrierNumberRange extends PanacheEntityBase {

    @Id
    @Column(length = NumberRange.PREFIX_LENGTH)
    public String prefix;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Carrier carrier;

    public String province;

    public String city;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
