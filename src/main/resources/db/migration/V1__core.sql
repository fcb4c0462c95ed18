-- Merchants, their prepaid balance ledger, request nonces, orders and the transactional outbox.

create table merchant (
    id              bigserial primary key,
    code            text        not null unique,
    name            text        not null,
    secret_cipher   bytea       not null,
    status          text        not null default 'ACTIVE' check (status in ('ACTIVE', 'DISABLED')),
    price_rate_bp   integer     not null check (price_rate_bp between 1 and 20000),
    tier            text        not null default 'STANDARD',
    created_at      timestamptz not null default now()
);

create table merchant_balance (
    merchant_id     bigint      primary key references merchant (id),
    opening_balance bigint      not null default 0,
    balance         bigint      not null check (balance >= 0),
    updated_at      timestamptz not null default now()
);

create table ledger_entry (
    id              bigserial   primary key,
    merchant_id     bigint      not null references merchant (id),
    kind            text        not null check (kind in ('CREDIT', 'DEBIT', 'REFUND')),
    amount          bigint      not null check (amount > 0),
    balance_after   bigint      not null check (balance_after >= 0),
    order_id        text,
    note            text,
    created_at      timestamptz not null default now(),
    check ((kind = 'CREDIT') = (order_id is null))
);
create index ledger_entry_merchant on ledger_entry (merchant_id, id);
create unique index ledger_entry_one_debit_per_order on ledger_entry (order_id) where kind = 'DEBIT';
create unique index ledger_entry_one_refund_per_order on ledger_entry (order_id) where kind = 'REFUND';

create table request_nonce (
    merchant_id     bigint      not null,
    nonce           text        not null,
    expires_at      timestamptz not null,
    primary key (merchant_id, nonce)
);
create index request_nonce_expiry on request_nonce (expires_at);

create table topup_order (
    id                  text        primary key,
    merchant_id         bigint      not null references merchant (id),
    merchant_order_id   text        not null,
    phone_cipher        bytea       not null,
    phone_hash          text        not null,
    phone_masked        text        not null,
    country             text        not null,
    carrier             text        not null,
    province            text,
    city                text,
    face_value          bigint      not null check (face_value > 0),
    price               bigint      not null check (price > 0),
    notify_url          text,
    status              text        not null check (status in ('PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'REVIEW')),
    failure_code        text,
    version             integer     not null default 0,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    finished_at         timestamptz,
    unique (merchant_id, merchant_order_id)
);
create index topup_order_phone on topup_order (phone_hash);
create index topup_order_status on topup_order (status, updated_at);
create index topup_order_created on topup_order (created_at);

alter table ledger_entry add constraint ledger_entry_order foreign key (order_id) references topup_order (id);

create table outbox_event (
    id              bigserial   primary key,
    topic           text        not null,
    message_key     text        not null,
    payload         text        not null,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz
);
create index outbox_event_unsent on outbox_event (id) where sent_at is null;
