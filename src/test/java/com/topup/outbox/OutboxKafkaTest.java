package com.topup.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.topup.common.db.Sql;
import com.topup.support.KafkaOutage;
import com.topup.support.MerchantApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Accepted orders reach the real broker through the outbox, also when the broker was down at the time; a
 * transaction's events are written at its commit and published in the order appended.
 */
@QuarkusTest
class OutboxKafkaTest {

    private static final String EVENTS = "topup.order-events";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    OutboxWriter outbox;
    @Inject
    Sql sql;

    @Test
    void acceptedOrderIsPublishedOnDispatchAndOrderEvents() {
        try (KafkaConsumer<String, String> dispatch = consumer("topup.dispatch");
             KafkaConsumer<String, String> events = consumer("topup.order-events")) {
            String phone = MerchantApi.uniquePhone();
            String orderId = placeOrder("KAFKA", phone);
            assertTrue(await(dispatch, Set.of(orderId), Duration.ofSeconds(30)).containsKey(orderId));
            String event = await(events, Set.of(orderId), Duration.ofSeconds(30)).get(orderId);
            assertTrue(event.contains("\"ORDER_ACCEPTED\"") && event.contains("\"status\":\"PENDING\""), event);
            assertTrue(!event.contains(phone), "no clear phone number in events");
        }
    }

    @Test
    void ordersAcceptedWhileKafkaIsDownArriveWhenItReturns() throws Exception {
        try (KafkaConsumer<String, String> dispatch = consumer("topup.dispatch")) {
            Set<String> placed = new HashSet<>();
            KafkaOutage.stopBroker();
            try {
                for (int i = 0; i < 5; i++) {
                    placed.add(placeOrder("DOWN", MerchantApi.uniquePhone()));
                }
            } finally {
                KafkaOutage.startBroker();
            }
            Map<String, String> received = await(dispatch, placed, Duration.ofSeconds(60));
            assertEquals(placed, received.keySet());
        }
    }

    @Test
    void eventsAppendedOneAtATimeAreWrittenTogetherAtTheCommitInTheOrderAppended() {
        String key = "outbox-order-" + System.nanoTime();
        try (KafkaConsumer<String, String> events = consumer(EVENTS)) {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.append(EVENTS, key, Map.of("n", 1));
                outbox.append(EVENTS, key, Map.of("n", 2));
                assertEquals(List.of(), written(key), "appended events wait for the commit");
                outbox.appendAll(List.of(new OutboxMessage(EVENTS, key, Map.of("n", 3))));
                assertEquals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"), written(key),
                        "written at once, after the events appended before them");
                outbox.append(EVENTS, key, Map.of("n", 4));
            });
            assertThrows(QuarkusTransactionException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                outbox.append(EVENTS, key, Map.of("n", 5));
                QuarkusTransaction.setRollbackOnly();
            }));
            QuarkusTransaction.requiringNew().run(() -> outbox.append(EVENTS, key, Map.of("n", 6)));

            assertEquals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":6}"),
                    awaitValues(events, key, 5, Duration.ofSeconds(30)),
                    "published in the order appended; the rolled-back event never");
        }
    }

    /** The outbox rows of a key the current transaction sees, in the order written. */
    private List<String> written(String key) {
        return sql.query("select payload from outbox_event where message_key = ? order by id",
                row -> row.getString("payload"), key);
    }

    private static String placeOrder(String prefix, String phone) {
        return MerchantApi.demo().post("/api/v1/orders", MerchantApi.orderJson(MerchantApi.uniqueOrderId(prefix), phone, 1000))
                .then().statusCode(201).extract().path("orderId");
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls until {@code count} records of the key arrived (or the time is up), returning their values in order. */
    private static List<String> awaitValues(KafkaConsumer<String, String> consumer, String key, int count, Duration timeout) {
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (values.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (key.equals(record.key())) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    /** Polls until every wanted key was seen, returning key → value of the first record of each wanted key. */
    private static Map<String, String> await(KafkaConsumer<String, String> consumer, Set<String> keys, Duration timeout) {
        Map<String, String> seen = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!seen.keySet().containsAll(keys) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (keys.contains(record.key())) {
                    seen.putIfAbsent(record.key(), record.value());
                }
            }
        }
        return seen;
    }
}
