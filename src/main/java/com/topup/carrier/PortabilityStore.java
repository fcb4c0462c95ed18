package com.topup.carrier;

import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes {@code carrier_portability}; callers own the transaction. */
@ApplicationScoped
public class PortabilityStore {

    private static final String UPSERT = """
            insert into carrier_portability (phone_hash, carrier, updated_at)
            values (?, ?, ?)
            on conflict (phone_hash) do update set carrier = excluded.carrier, updated_at = excluded.updated_at""";

    private final Sql sql;

    PortabilityStore(Sql sql) {
        this.sql = sql;
    }

    public Map<String, Carrier> loadAll() {
        List<PortedNumber> rows = CarrierPortability.findAll().project(PortedNumber.class).list();
        Map<String, Carrier> carrierByPhoneHash = new HashMap<>(rows.size() * 2);
        rows.forEach(row -> carrierByPhoneHash.put(row.phoneHash(), row.carrier()));
        return carrierByPhoneHash;
    }

    public void upsert(String phoneHash, Carrier carrier, Instant now) {
        sql.update(UPSERT, phoneHash, carrier.name(), now);
    }

    public boolean delete(String phoneHash) {
        return CarrierPortability.delete("phoneHash", phoneHash) > 0;
    }
}
