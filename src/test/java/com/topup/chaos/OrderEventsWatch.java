package com.topup.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code topup.order-events} from the beginning, in a consumer group of its own, for the whole drill (it rides out
 * a broker stop like any client): which event types each order had.
 */
final class OrderEventsWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Set<String>> typesByOrder = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean running = true;

    OrderEventsWatch(String bootstrapServers, String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        reader = new Thread(() -> read(props), "chaos-events-" + group);
        reader.setDaemon(true);
        reader.start();
    }

    /** The event types seen for the order (ORDER_ACCEPTED, ORDER_PROCESSING, ORDER_SUCCEEDED, …). */
    Set<String> types(String orderId) {
        return typesByOrder.getOrDefault(orderId, Set.of());
    }

    private void read(Properties props) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("topup.order-events"));
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    try {
                        String type = JSON.readTree(record.value()).path("type").asText();
                        typesByOrder.computeIfAbsent(record.key(), k -> ConcurrentHashMap.newKeySet()).add(type);
                    } catch (Exception unreadable) {
                        typesByOrder.computeIfAbsent(record.key(), k -> ConcurrentHashMap.newKeySet()).add("UNREADABLE");
                    }
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(5_000);
    }
}
