-- Published outbox rows are deleted by the relay (Kafka keeps the events), so every row is pending.
drop index outbox_event_unsent;
alter table outbox_event drop column sent_at;
