package com.topup.outbox;

public record OutboxRow(long id, String topic, String key, String payload) {
}
