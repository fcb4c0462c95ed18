package com.topup.channel.dispatch;

import com.topup.channel.health.SuccessModel;
import com.topup.common.db.Sql;
import com.topup.rules.ChannelsNow;
import com.topup.rules.DecidedOrder;
import com.topup.rules.DecidedOrders;
import com.topup.rules.model.ChannelFact;
import com.topup.rules.model.OrderFact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recent routing decisions for backtests, as recorded: each order's first attempt with its channel and routing
 * version, the order as rules saw it then, and the seed its decision drew with; channels as routing sees them now for
 * each such order.
 */
@ApplicationScoped
public class DecidedOrdersReader implements DecidedOrders {

    private final Sql sql;
    private final ChannelFactsBuilder facts;

    public DecidedOrdersReader(Sql sql, ChannelFactsBuilder facts) {
        this.sql = sql;
        this.facts = facts;
    }

    @Override
    @Transactional
    public List<DecidedOrder> latest(int limit) {
        return sql.query("""
                        select o.id, m.code as merchant_code, m.tier, o.carrier, o.province, o.city, o.face_value, o.price,
                               a.channel_code, a.rule_version,
                               greatest(0, (extract(epoch from (a.started_at - o.created_at)) * 1000)::bigint) as age_millis
                        from channel_attempt a
                        join topup_order o on o.id = a.order_id
                        join merchant m on m.id = o.merchant_id
                        where a.attempt_no = 1
                        order by a.started_at desc
                        limit ?""",
                row -> {
                    String orderId = row.getString("id");
                    OrderFact order = new OrderFact(orderId, row.getString("merchant_code"), row.getString("tier"),
                            row.getString("carrier"), row.getString("province"), row.getString("city"),
                            row.getLong("face_value"), row.getLong("price"), 1, row.getLong("age_millis"));
                    return new DecidedOrder(order, row.getString("channel_code"), Sql.nullableInt(row, "rule_version"),
                            orderId.hashCode() * 31L + 1);
                },
                limit);
    }

    /** One list of channel facts per kind of order the success model predicts alike (carrier, province, band). */
    @Override
    public ChannelsNow channelsNow(List<OrderFact> orders) {
        List<String> groups = new ArrayList<>(orders.size());
        Map<String, List<ChannelFact>> channels = new HashMap<>();
        for (OrderFact order : orders) {
            String group = SuccessModel.orderKind(order.getCarrier(), order.getProvince(), order.getFaceValue());
            channels.computeIfAbsent(group, g -> facts.untried(Set.of(), order.getCarrier(), order.getProvince(),
                    order.getFaceValue()));
            groups.add(group);
        }
        return new ChannelsNow(groups, channels);
    }
}
