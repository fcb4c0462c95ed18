package com.topup.carrier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.query.NativeQuery;

/** Reads and writes {@code carrier_portability}; callers own the transaction. */
@ApplicationScoped
public class PortabilityStore {

    private static final String UPSERT = """
            insert into carrier_portability (phone_hash, carrier, updated_at)
            values (:phoneHash, :carrier, :now)
            on conflict (phone_hash) do update set carrier = excluded.carrier, updated_at = excluded.updated_at""";

    private final EntityManager em;

    PortabilityStore(EntityManager em) {
        this.em = em;
    }

    public Map<String, Carrier> loadAll() {
        List<Object[]> rows = em.createQuery("select p.phoneHash, p.carrier from CarrierPortability p", Object[].class)
                .getResultList();
        Map<String, Carrier> carrierByPhoneHash = new HashMap<>(rows.size() * 2);
        rows.forEach(row -> carrierByPhoneHash.put((String) row[0], (Carrier) row[1]));
        return carrierByPhoneHash;
    }

    public void upsert(String phoneHash, Carrier carrier, Instant now) {
        NativeQuery<?> query = em.createNativeQuery(UPSERT).unwrap(NativeQuery.class);
        query.setParameter("phoneHash", phoneHash, String.class)
                .setParameter("carrier", carrier.name(), String.class)
                .setParameter("now", now, Instant.class)
                .executeUpdate();
    }

    public boolean delete(String phoneHash) {
        return CarrierPortability.delete("phoneHash", phoneHash) > 0;
    }
}
