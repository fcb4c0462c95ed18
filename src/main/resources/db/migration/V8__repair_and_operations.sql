-- Repair and operations: anomalies with their decision and resolution, the steps taken on them, operator actions
-- with four eyes, a log of status queries, the order's last channel for search, re-charges in the ledger, roles and
-- reasons in the audit trail, supplier statements and their reconciliation.

-- Anomalies ------------------------------------------------------------------------------------------------------
alter table anomaly drop constraint anomaly_kind_check;
alter table anomaly add constraint anomaly_kind_check check (kind in (
    'STUCK_PROCESSING', 'DUPLICATE_SUCCESS', 'AMOUNT_MISMATCH', 'DUPLICATE_SUBMISSION', 'SUCCESS_AFTER_REFUND',
    'SUPPLIER_CHARGED_NOT_RECORDED', 'SUPPLIER_MISSING_SUCCESS', 'STATEMENT_AMOUNT_DIFFERENCE'));
update anomaly set status = 'OPEN' where status = 'REVIEW';
alter table anomaly drop constraint anomaly_status_check;
alter table anomaly add constraint anomaly_status_check check (status in ('OPEN', 'RESOLVED'));
alter table anomaly drop constraint anomaly_kind_order_id_key;
alter table anomaly alter column order_id drop not null;
alter table anomaly
    -- one anomaly per kind and subject (order, or channel + statement reference)
    add column dedupe_key        text,
    add column channel_code      text,
    -- the attempt concerned (our reference towards the channel) and the channel's own reference of the charge
    add column reference         text,
    add column channel_reference text,
    -- fen the platform or the merchant stands to lose until it is resolved
    add column amount_at_stake   bigint      not null default 0,
    add column reason            text,
    add column rule_version      integer,
    add column fired_rules       text[]      not null default '{}',
    -- what was done about it, in words, last first
    add column outcome           text,
    -- automatic work still to do (a reversal call), claimed with SKIP LOCKED
    add column next_action_at    timestamptz,
    add column action_attempts   integer     not null default 0,
    add column resolution        text        check (resolution in ('AUTOMATIC', 'RECHARGE_MERCHANT', 'WRITE_OFF', 'DISMISS')),
    add column resolved_by       text,
    add column resolution_reason text,
    add column version           integer     not null default 0;
update anomaly set dedupe_key = kind || ':' || order_id, resolution = case when status = 'RESOLVED' then 'AUTOMATIC' end;
alter table anomaly alter column dedupe_key set not null;
create unique index anomaly_dedupe on anomaly (dedupe_key);
create index anomaly_order on anomaly (order_id);
create index anomaly_kind on anomaly (kind, status, id);
create index anomaly_status_id on anomaly (status, id);
create index anomaly_action_due on anomaly (next_action_at) where next_action_at is not null;
drop index anomaly_open;

-- Every step taken on an anomaly: the rules' decision, what the executor did, a person's resolution.
create table repair_step (
    id              bigserial   primary key,
    anomaly_id      bigint      not null references anomaly (id),
    order_id        text,
    at              timestamptz not null,
    actor           text        not null,
    action          text        not null,
    rule_version    integer,
    fired_rules     text[]      not null default '{}',
    summary         text        not null
);
create index repair_step_anomaly on repair_step (anomaly_id, id);
create index repair_step_order on repair_step (order_id) where order_id is not null;

-- A charge a supplier should give back (a duplicate it would not reverse), settled through its statements.
create table supplier_claim (
    id                  bigserial   primary key,
    anomaly_id          bigint      not null unique references anomaly (id),
    channel_code        text        not null,
    order_id            text,
    reference           text        not null,
    channel_reference   text,
    amount              bigint      not null check (amount > 0),
    status              text        not null check (status in ('OPEN', 'RECOVERED', 'WRITTEN_OFF', 'WITHDRAWN')),
    created_at          timestamptz not null,
    settled_at          timestamptz
);
create index supplier_claim_channel on supplier_claim (channel_code, status);

-- Operator actions ------------------------------------------------------------------------------------------------
create table operator_action (
    id              text        primary key check (length(id) between 1 and 64),
    kind            text        not null check (kind in ('RETRY', 'REFUND', 'MARK_SUCCEEDED', 'RESEND_NOTIFY')),
    order_id        text        not null references topup_order (id),
    status          text        not null check (status in ('DONE', 'AWAITING_SECOND_OPERATOR', 'REJECTED', 'SUPERSEDED')),
    requested_by    text        not null,
    reason          text        not null,
    params          jsonb       not null default '{}',
    amount          bigint      not null,
    decided_by      text,
    decision_reason text,
    outcome         text,
    created_at      timestamptz not null,
    decided_at      timestamptz,
    -- the request as first received and the answer given, returned again for a repeated action id
    request_digest  text        not null,
    answer          text
);
create index operator_action_order on operator_action (order_id, created_at);
create index operator_action_awaiting on operator_action (created_at) where status = 'AWAITING_SECOND_OPERATOR';

-- Status queries, for the order's timeline ------------------------------------------------------------------------
create table channel_query (
    id              bigserial   primary key,
    attempt_id      text        not null,
    order_id        text        not null,
    channel_code    text        not null,
    asked_at        timestamptz not null,
    status          text        not null,
    detail          text
);
create index channel_query_order on channel_query (order_id);

-- Callbacks are found by the attempt they report on.
create index channel_callback_reference_time on channel_callback (reference, received_at);
drop index channel_callback_reference;

-- Order search: newest first with keyset pagination on (created_at, id), one index per selective filter.
alter table topup_order add column channel_code text;
-- attempts numbered up to this belong to earlier rounds (before an operator's retry) and do not exclude a channel
alter table topup_order add column retry_round_from integer not null default 0;
alter table topup_order add column excluded_channels text[] not null default '{}';
update topup_order o set channel_code = a.channel_code
from (select distinct on (order_id) order_id, channel_code from channel_attempt order by order_id, attempt_no desc) a
where a.order_id = o.id;
drop index topup_order_created;
drop index topup_order_phone;
drop index topup_order_status;
create index topup_order_created on topup_order (created_at desc, id desc);
create index topup_order_status_created on topup_order (status, created_at desc, id desc);
create index topup_order_merchant_created on topup_order (merchant_id, created_at desc, id desc);
create index topup_order_phone on topup_order (phone_hash, created_at desc);
create index topup_order_merchant_order_id on topup_order (merchant_order_id);
create index topup_order_carrier_created on topup_order (carrier, created_at desc, id desc);
create index topup_order_channel_created on topup_order (channel_code, created_at desc, id desc);
create index topup_order_pending on topup_order (updated_at) where status = 'PENDING';

-- Ledger: a re-charge is a second debit of a refunded order, by an operator's decision ---------------------------
alter table ledger_entry drop constraint ledger_entry_kind_check;
alter table ledger_entry add constraint ledger_entry_kind_check check (kind in ('CREDIT', 'DEBIT', 'REFUND', 'RECHARGE'));
create unique index ledger_entry_one_recharge_per_order on ledger_entry (order_id) where kind = 'RECHARGE';
create index ledger_entry_order on ledger_entry (order_id) where order_id is not null;

-- Audit: who acted in which roles and why -------------------------------------------------------------------------
alter table audit_event add column roles text;
alter table audit_event add column reason text;
create index audit_event_subject on audit_event (subject, occurred_at);

-- Supplier statements (对账) -------------------------------------------------------------------------------------
create table reconciliation_run (
    id              bigserial   primary key,
    channel_code    text        not null references channel (code),
    day             date        not null,
    status          text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    started_by      text        not null,
    started_at      timestamptz not null,
    finished_at     timestamptz,
    statement_lines integer     not null default 0,
    matched         integer     not null default 0,
    differences     integer     not null default 0,
    statement_total bigint      not null default 0,
    our_total       bigint      not null default 0,
    error           text,
    unique (channel_code, day)
);

create table reconciliation_difference (
    id              bigserial   primary key,
    run_id          bigint      not null references reconciliation_run (id),
    kind            text        not null,
    reference       text        not null,
    order_id        text,
    channel_reference text,
    statement_amount bigint,
    our_amount      bigint,
    statement_status text,
    our_status      text,
    anomaly_id      bigint references anomaly (id)
);
create index reconciliation_difference_run on reconciliation_difference (run_id, id);
