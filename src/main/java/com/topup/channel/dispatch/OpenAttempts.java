package com.topup.channel.dispatch;

import com.topup.common.db.Sql;
import com.topup.common.tx.TransactionResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;

/**
 * How many attempts are open on a channel, for its capacity: read once per transaction and channel, then counted up
 * by the attempts the transaction starts itself, so planning a poll's orders reads each channel's count once. The
 * capacity was never exact under concurrency (two transactions planning at once do not see each other's attempts);
 * a transaction now also does not see the attempts others commit during its few milliseconds of planning.
 */
@ApplicationScoped
public class OpenAttempts {

    private static final String COUNTED = OpenAttempts.class.getName();

    private final Sql sql;
    private final TransactionSynchronizationRegistry transactions;

    public OpenAttempts(Sql sql, TransactionSynchronizationRegistry transactions) {
        this.sql = sql;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int on(String channelCode) {
        return counted().computeIfAbsent(channelCode, code -> sql.queryLong("""
                select count(*) from channel_attempt where channel_code = ? and status in ('SUBMITTING', 'PROCESSING')""",
                code).intValue());
    }

    /** An attempt this transaction started on the channel. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void started(String channelCode) {
        counted().computeIfPresent(channelCode, (code, open) -> open + 1);
    }

    private Map<String, Integer> counted() {
        return TransactionResources.computeIfAbsent(transactions, COUNTED, HashMap::new);
    }
}
