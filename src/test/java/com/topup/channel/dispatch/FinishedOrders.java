package com.topup.channel.dispatch;

import com.topup.order.OrderFinished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every order the observers of a final state were told about, in the order told. */
@ApplicationScoped
public class FinishedOrders {

    private final List<String> orderIds = new CopyOnWriteArrayList<>();

    void onFinished(@Observes OrderFinished order) {
        orderIds.add(order.orderId());
    }

    public List<String> orderIds() {
        return List.copyOf(orderIds);
    }
}
