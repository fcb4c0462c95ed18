-- Per-merchant request limits (CONTRACT §1), set by staff. Null: the configured default rate, no allow-list.
alter table merchant
    add column requests_per_second integer check (requests_per_second > 0),
    add column allowed_ips         text[];

-- Each merchant's current one-second window of admitted requests, shared by every instance. One row per merchant,
-- rewritten in place (HOT updates, hence the fill factor). Unlogged: no WAL and no disk flush per request; a crash
-- empties it, which forgets at most one second of counting.
create unlogged table merchant_request_window (
    merchant_id   bigint  primary key,
    window_second bigint  not null,
    hits          integer not null
) with (fillfactor = 50);
