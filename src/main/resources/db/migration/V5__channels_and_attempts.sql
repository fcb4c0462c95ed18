-- Supplier channels, every attempt an order makes on one, persisted retry times, and recorded anomalies.

create table channel (
    code                    text        primary key check (code ~ '^[A-Za-z0-9_-]{1,32}$'),
    name                    text        not null,
    protocol                text        not null check (protocol in ('json-hmac', 'form-md5')),
    base_url                text        not null,
    secret_cipher           bytea       not null,
    carriers                text[]      not null,
    provinces               text[]      not null default '{}',   -- empty: every province
    face_values             bigint[]    not null default '{}',   -- empty: every face value of the catalogue
    cost_rate_bp            integer     not null check (cost_rate_bp > 0 and cost_rate_bp <= 20000),
    capacity                integer     not null check (capacity > 0),
    daily_quota             bigint      check (daily_quota is null or daily_quota >= 0), -- fen per UTC day
    timeout_ms              integer     not null default 3000 check (timeout_ms > 0),
    expected_completion_ms  integer     not null default 30000 check (expected_completion_ms > 0),
    enabled                 boolean     not null default true,
    version                 integer     not null default 0,
    updated_at              timestamptz not null
);

-- One row per try of an order on a channel; the id is what the channel sees as our reference.
create table channel_attempt (
    id                  text        primary key,
    order_id            text        not null references topup_order (id),
    attempt_no          integer     not null check (attempt_no > 0),
    channel_code        text        not null references channel (code),
    carrier             text        not null,
    face_value          bigint      not null,
    status              text        not null check (status in ('SUBMITTING', 'PROCESSING', 'SUCCEEDED', 'FAILED')),
    probe_generation    bigint,      -- set when sent as a probe of a half-open circuit (that circuit's generation)
    rule_version        integer,
    fired_rules         text[]      not null default '{}',
    fallback_action     text,
    fallback_rule_version integer,
    fallback_fired_rules text[]     not null default '{}',
    channel_reference   text,
    error_class         text,
    error_code          text,
    cost                bigint      not null,
    started_at          timestamptz not null,
    finished_at         timestamptz,
    latency_ms          integer,
    next_query_at       timestamptz,
    query_count         integer     not null default 0,
    version             integer     not null default 0,
    unique (order_id, attempt_no)
);
create index channel_attempt_order on channel_attempt (order_id);
create index channel_attempt_health on channel_attempt (channel_code, finished_at);
create index channel_attempt_open on channel_attempt (channel_code) where status in ('SUBMITTING', 'PROCESSING');
create index channel_attempt_query_due on channel_attempt (next_query_at) where status = 'PROCESSING';

-- What a channel has been given today, against its daily quota (fen, UTC day).
create table channel_daily_usage (
    channel_code    text    not null references channel (code),
    day             date    not null,
    amount          bigint  not null default 0,
    primary key (channel_code, day)
);

alter table topup_order add column attempt_count integer not null default 0;
alter table topup_order add column retry_at timestamptz;
create index topup_order_retry_due on topup_order (retry_at) where retry_at is not null;

-- Anomalies found while processing or by scanners, for the repair rules and the operators' queue.
create table anomaly (
    id          bigserial   primary key,
    kind        text        not null check (kind in ('STUCK_PROCESSING', 'DUPLICATE_SUCCESS', 'AMOUNT_MISMATCH', 'DUPLICATE_SUBMISSION')),
    order_id    text        not null references topup_order (id),
    details     jsonb       not null default '{}',
    status      text        not null default 'OPEN' check (status in ('OPEN', 'RESOLVED', 'REVIEW')),
    action      text,
    created_at  timestamptz not null,
    resolved_at timestamptz,
    unique (kind, order_id)
);
create index anomaly_open on anomaly (status, created_at);

-- Every callback a channel posted, with what it did: applied, a duplicate, or refused and why.
create table channel_callback (
    id              bigserial   primary key,
    channel_code    text        not null,
    reference       text,
    status          text,
    outcome         text        not null,
    detail          text,
    received_at     timestamptz not null
);
create index channel_callback_reference on channel_callback (reference);
