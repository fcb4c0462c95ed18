package com.topup.repair;

import com.topup.channel.dispatch.AttemptQueries;
import com.topup.channel.dispatch.AttemptView;
import com.topup.order.OrderTimeline;
import com.topup.order.StaffOrderQueries;
import com.topup.order.StaffOrderView;
import com.topup.order.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** An order with everything needed to explain it to a person: its attempts and its whole timeline (CONTRACT §3). */
@ApplicationScoped
public class OrderExplanation {

    private final StaffOrderQueries orders;
    private final AttemptQueries attempts;
    private final OrderTimeline timeline;

    public OrderExplanation(StaffOrderQueries orders, AttemptQueries attempts, OrderTimeline timeline) {
        this.orders = orders;
        this.attempts = attempts;
        this.timeline = timeline;
    }

    public record Explained(StaffOrderView order, List<AttemptView> attempts, List<TimelineEntry> timeline) {
    }

    @Transactional
    public Explained of(String orderId) {
        return new Explained(orders.current(orderId), attempts.ofOrder(orderId), timeline.of(orderId));
    }
}
