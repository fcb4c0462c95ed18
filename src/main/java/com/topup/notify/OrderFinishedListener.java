package com.topup.notify;

import com.topup.order.OrdersFinished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Queues the merchant callbacks inside the transaction that finished the orders, all in one round trip. */
@ApplicationScoped
public class OrderFinishedListener {

    private final NotificationService notifications;

    public OrderFinishedListener(NotificationService notifications) {
        this.notifications = notifications;
    }

    void onFinished(@Observes OrdersFinished finished) {
        notifications.ordersFinished(finished.orders());
    }
}
