package com.topup.notify;

import com.topup.order.OrderFinished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Queues the merchant callback inside the transaction that finished the order. */
@ApplicationScoped
public class OrderFinishedListener {

    private final NotificationService notifications;

    public OrderFinishedListener(NotificationService notifications) {
        this.notifications = notifications;
    }

    void onFinished(@Observes OrderFinished finished) {
        notifications.orderFinished(finished);
    }
}
