package com.topup.carrier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A row of {@code product}: a face value (fen) a carrier's numbers can be topped up with. */
@Entity
@Table(name = "product")
@IdClass(Product.Key.class)
public class Product extends PanacheEntityBase {

    @Id
    @Enumerated(EnumType.STRING)
    public Carrier carrier;

    @Id
    @Column(name = "face_value")
    public long faceValue;

    @Column(nullable = false)
    public boolean enabled = true;

    /** The primary key: carrier and face value. */
    public static class Key implements Serializable {

        public Carrier carrier;
        public long faceValue;

        public Key() {
        }

        public Key(Carrier carrier, long faceValue) {
            this.carrier = carrier;
            this.faceValue = faceValue;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && carrier == key.carrier && faceValue == key.faceValue;
        }

        @Override
        public int hashCode() {
            return Objects.hash(carrier, faceValue);
        }
    }
}
