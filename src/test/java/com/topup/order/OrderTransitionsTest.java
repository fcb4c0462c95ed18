package com.topup.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.common.db.Sql;
import com.topup.notify.CallbackOrders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state machine's moves are guarded: a move an order's state does not allow changes nothing. */
@QuarkusTest
class OrderTransitionsTest {

    @Inject
    OrderTransitions transitions;
    @Inject
    Sql sql;

    @Test
    void attemptsStartedTogetherFailTogetherWhenOneOfTheOrdersIsAlreadyFinal() {
        String first = finishedOrder();
        String second = finishedOrder();
        List<Object> before = List.of(state(first), state(second));

        RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            List<WorkOrder> locked = transitions.lockAllForWork(List.of(first, second));
            assertEquals(2, locked.size());
            transitions.startAttempts(locked.stream()
                    .map(order -> new OrderTransitions.AttemptStart(order, "sim-fast")).toList(), Instant.now());
        }));
        Throwable cause = refused;
        while (!(cause instanceof IllegalStateException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof IllegalStateException && cause.getMessage().contains("0 of 2"), refused.toString());

        assertEquals(before, List.of(state(first), state(second)), "neither order moved, nor its attempt count");
    }

    private String finishedOrder() {
        String orderId = CallbackOrders.place(null);
        CallbackOrders.eventually(Duration.ofSeconds(30), orderId + " final", () -> List.of("SUCCEEDED", "FAILED")
                .contains(state(orderId).get(0)));
        return orderId;
    }

    private List<Object> state(String orderId) {
        return sql.queryOne("select status, attempt_count, version from topup_order where id = ?",
                row -> List.<Object>of(row.getString("status"), row.getInt("attempt_count"), row.getLong("version")),
                orderId).orElseThrow();
    }
}
