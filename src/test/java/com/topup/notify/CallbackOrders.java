package com.topup.notify;

import static org.junit.jupiter.api.Assertions.fail;

import com.topup.common.db.Sql;
import com.topup.support.MerchantApi;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Orders with a callback to {@link TestMerchantReceiver}, finished the way the order state machine does it. */
public final class CallbackOrders {

    private CallbackOrders() {
    }

    /** A fresh inbox of the test receiver and its URL on the running app. */
    public static String newInbox() {
        return "inbox-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static String receiverUrl(int appPort, String inbox) {
        return "http://127.0.0.1:" + appPort + "/test-merchant/callback/" + inbox;
    }

    /** Places an order for demo-merchant through the signed merchant API; returns its orderId. */
    public static String place(String notifyUrl) {
        String body = "{\"merchantOrderId\":\"" + MerchantApi.uniqueOrderId("CB") + "\",\"phone\":\"" + MerchantApi.uniquePhone()
                + "\","
                + "\"faceValue\":10000" + (notifyUrl == null ? "" : ",\"notifyUrl\":\"" + notifyUrl + "\"") + "}";
        return MerchantApi.demo().post("/api/v1/orders", body).then().statusCode(201).extract().path("orderId");
    }

    /** Moves the order to a final state and calls {@link NotificationService#orderFinished} in one transaction. */
    public static Optional<String> finish(String orderId, String status, String failureCode) {
        Sql sql = Arc.container().instance(Sql.class).get();
        NotificationService notifications = Arc.container().instance(NotificationService.class).get();
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            sql.update("""
                    update topup_order set status = ?, failure_code = ?, finished_at = ?, updated_at = ?, version = version + 1
                    where id = ?""", status, failureCode, now, now, orderId);
            return notifications.orderFinished(orderId);
        });
    }

    public static void eventually(Duration within, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Not within " + within + ": " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("Interrupted while waiting for: " + what);
            }
        }
    }
}
