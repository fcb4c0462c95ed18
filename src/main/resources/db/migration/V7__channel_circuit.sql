-- Cluster-wide circuit breaker per supplier channel: every instance reads and changes the same row.
-- A channel without a row is CLOSED; the first transition inserts it.
create table channel_circuit (
    channel_code        text        primary key references channel (code),
    state               text        not null check (state in ('CLOSED', 'OPEN', 'HALF_OPEN')),
    changed_at          timestamptz not null,
    reason              text,
    -- attempts started before this instant do not count towards opening (set when probing starts)
    counting_since      timestamptz,
    probes_in_flight    integer     not null default 0 check (probes_in_flight >= 0),
    probe_successes     integer     not null default 0 check (probe_successes >= 0),
    probe_changed_at    timestamptz,
    -- incremented on every change of state; a probe permit is only valid in the generation that granted it
    generation          bigint      not null default 0,
    version             integer     not null default 0
);

-- Every change of state, for operators and auditors.
create table channel_circuit_transition (
    id              bigserial   primary key,
    channel_code    text        not null references channel (code),
    from_state      text        not null,
    to_state        text        not null,
    reason          text        not null,
    actor           text        not null,
    at              timestamptz not null
);
create index channel_circuit_transition_channel on channel_circuit_transition (channel_code, at);
