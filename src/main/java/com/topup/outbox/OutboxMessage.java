package com.topup.outbox;

/** One event for {@link OutboxWriter#appendAll}: its topic, its Kafka key and the payload serialised as JSON. */
public record OutboxMessage(String topic, String key, Object payload) {
}
