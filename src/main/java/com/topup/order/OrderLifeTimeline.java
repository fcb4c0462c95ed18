package com.topup.order;

import com.topup.common.NamedValues;
import com.topup.common.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** The order's own steps: accepted with its debit, refunds and re-charges, and its final state. */
@ApplicationScoped
public class OrderLifeTimeline implements TimelineSource {

    private final Sql sql;

    public OrderLifeTimeline(Sql sql) {
        this.sql = sql;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TimelineEntry> entriesOf(String orderId) {
        List<TimelineEntry> entries = new ArrayList<>();
        sql.queryOne("select " + OrderRows.VIEW_COLUMNS + " from topup_order o join merchant m on m.id = o.merchant_id"
                + " where o.id = ?", OrderRows::staffView, orderId).ifPresent(staff -> {
                    OrderView order = staff.order();
                    entries.add(new TimelineEntry(order.createdAt(), "ACCEPTED", staff.merchant(),
                            "Accepted " + Money.yuan(order.faceValue()) + " for " + order.phone() + " (" + order.carrier()
                                    + (order.province() == null ? "" : ", " + order.province()) + "), "
                                    + Money.yuan(order.price()) + " debited",
                            NamedValues.of("merchantOrderId", order.merchantOrderId(), "faceValue", order.faceValue(),
                                    "price", order.price())));
                    if (order.finishedAt() != null) {
                        entries.add(new TimelineEntry(order.finishedAt(), "FINISHED", "platform",
                                "Finished " + order.status() + (order.failureCode() == null ? "" : " (" + order.failureCode() + ")"),
                                NamedValues.of("status", order.status(), "failureCode", order.failureCode())));
                    }
                });
        sql.query("""
                        select kind, amount, balance_after, created_at from ledger_entry
                        where order_id = ? and kind in ('REFUND', 'RECHARGE') order by id""",
                row -> entries.add(new TimelineEntry(Sql.instant(row, "created_at"), "LEDGER", "platform",
                        ("REFUND".equals(row.getString("kind")) ? "Refunded " : "Charged again ")
                                + Money.yuan(row.getLong("amount")),
                        NamedValues.of("entry", row.getString("kind"), "amount", row.getLong("amount"),
                                "balanceAfter", row.getLong("balance_after")))),
                orderId);
        return entries;
    }
}
