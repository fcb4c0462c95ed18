-- Signed result callbacks to merchants (CONTRACT §1) and a log of every delivery attempt.

create table merchant_notification (
    id                  bigserial   primary key,
    event_id            text        not null unique,
    order_id            text        not null references topup_order (id),
    merchant_id         bigint      not null references merchant (id),
    url                 text        not null,
    body                text        not null,  -- the exact bytes that are signed and sent, as UTF-8
    status              text        not null check (status in ('PENDING', 'DELIVERED', 'UNDELIVERED')),
    attempts            integer     not null default 0 check (attempts >= 0),
    created_at          timestamptz not null,
    first_attempt_at    timestamptz,
    last_attempt_at     timestamptz,
    -- PENDING: when the next attempt is due; while an attempt is in flight, when its claim lapses.
    next_attempt_at     timestamptz,
    finished_at         timestamptz,
    last_http_status    integer,
    last_error          text,
    check ((status = 'PENDING') = (next_attempt_at is not null))
);
create index merchant_notification_due on merchant_notification (next_attempt_at) where status = 'PENDING';
create index merchant_notification_order on merchant_notification (order_id, id);
create index merchant_notification_status on merchant_notification (status, id);

create table merchant_notification_attempt (
    id                  bigserial   primary key,
    notification_id     bigint      not null references merchant_notification (id),
    attempt_no          integer     not null check (attempt_no > 0),
    attempted_at        timestamptz not null,
    http_status         integer,
    latency_ms          bigint      not null check (latency_ms >= 0),
    error               text,
    unique (notification_id, attempt_no)
);
