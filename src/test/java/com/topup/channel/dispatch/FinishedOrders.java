package com.topup.channel.dispatch;

import com.topup.order.OrdersFinished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** How many times the observers of a final state were told about each order. */
@ApplicationScoped
public class FinishedOrders {

    private final Map<String, Integer> told = new ConcurrentHashMap<>();

    void onFinished(@Observes OrdersFinished finished) {
        finished.orderIds().forEach(id -> told.merge(id, 1, Integer::sum));
    }

    public int timesTold(String orderId) {
        return told.getOrDefault(orderId, 0);
    }
}
