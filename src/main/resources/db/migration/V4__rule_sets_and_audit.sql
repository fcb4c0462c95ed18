-- Versioned rule sets (immutable DRL per version) and the append-only, hash-chained audit trail.

create table rule_set_version (
    id              bigserial   primary key,
    rule_set        text        not null check (rule_set in ('routing', 'fallback', 'repair')),
    version         integer     not null check (version > 0),
    status          text        not null check (status in ('DRAFT', 'SUBMITTED', 'ACTIVE', 'RETIRED', 'REJECTED')),
    drl             text        not null,
    content_hash    text        not null,
    base_version    integer,
    author          text        not null,
    comment         text,
    approved_by     text,
    created_at      timestamptz not null default now(),
    submitted_at    timestamptz,
    decided_at      timestamptz,
    activated_at    timestamptz,
    unique (rule_set, version)
);
create unique index rule_set_one_active on rule_set_version (rule_set) where status = 'ACTIVE';

create table audit_event (
    id              bigserial   primary key,
    occurred_at     timestamptz not null,
    actor           text        not null,
    action          text        not null,
    subject         text        not null,
    before_state    text,
    after_state     text,
    previous_hash   text        not null,
    hash            text        not null unique
);
create index audit_event_actor on audit_event (actor, occurred_at);
create index audit_event_action on audit_event (action, occurred_at);
