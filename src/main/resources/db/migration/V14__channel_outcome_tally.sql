-- The health figures' window (finished attempts, successes, latency percentiles per channel and carrier) kept as
-- tallies written with each finish, so a refresh sums a few hundred rows instead of re-aggregating every attempt of
-- the last minutes (which grew with the order rate and cost every instance a tenth of a database core at 200
-- orders/s).
--
-- One row per channel, carrier, 10-second slot of finished_at, latency class and stripe. A latency class is 5 % wide:
-- class 0 is under 1 ms, class k (k >= 1) holds latencies in [1.05^(k-1), 1.05^k) ms; the readers interpolate within
-- a class. A finish locks its row until its transaction commits; with most orders on one channel and carrier, the
-- finishes of a slot fall into a handful of classes, so each class is spread over 8 stripes (by the attempt's id) and
-- concurrent finishes rarely wait for each other.
create table channel_outcome_tally (
    channel_code    text        not null,
    carrier         text        not null,
    slot            timestamptz not null,   -- start of the 10 seconds of UTC the attempts finished in
    latency_class   smallint    not null,
    stripe          smallint    not null check (stripe between 0 and 7),
    finished        integer     not null,
    succeeded       integer     not null,
    primary key (slot, channel_code, carrier, latency_class, stripe) include (finished, succeeded)
);

create function channel_outcome_latency_class(latency_ms double precision) returns smallint
    language sql immutable parallel safe as $$
    select case when latency_ms < 1 then 0
                else least(400, 1 + floor(ln(latency_ms) / ln(1.05)))::smallint end
$$;

-- Adds one finished attempt (sign 1) or takes it away (sign -1); an attempt that is not finished counts nowhere.
create function channel_outcome_tally_add(a channel_attempt, sign integer) returns void
    language plpgsql as $$
begin
    if a.finished_at is null or a.status not in ('SUCCEEDED', 'FAILED') then
        return;
    end if;
    insert into channel_outcome_tally as t (channel_code, carrier, slot, latency_class, stripe, finished, succeeded)
    values (a.channel_code, a.carrier,
            date_bin(interval '10 seconds', a.finished_at, timestamptz '2000-01-01 00:00:00+00'),
            channel_outcome_latency_class(coalesce(a.latency_ms,
                extract(epoch from a.finished_at - a.started_at) * 1000)::double precision),
            hashtext(a.id) & 7, sign, case when a.status = 'SUCCEEDED' then sign else 0 end)
    on conflict (slot, channel_code, carrier, latency_class, stripe) do update
        set finished = t.finished + excluded.finished, succeeded = t.succeeded + excluded.succeeded;
end $$;

create function channel_outcome_tally_correct() returns trigger
    language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        perform channel_outcome_tally_add(old, -1);
    end if;
    if tg_op <> 'DELETE' then
        perform channel_outcome_tally_add(new, 1);
    end if;
    return null;
end $$;

-- Only finishing or changing a finished attempt calls the function; the open attempt's own moves (SUBMITTING,
-- PROCESSING, query times) only evaluate the conditions.
create trigger channel_outcome_tally_on_insert after insert on channel_attempt
    for each row when (new.finished_at is not null)
    execute function channel_outcome_tally_correct();
create trigger channel_outcome_tally_on_update
    after update of status, finished_at, started_at, latency_ms, channel_code, carrier on channel_attempt
    for each row when (old.finished_at is not null or new.finished_at is not null)
    execute function channel_outcome_tally_correct();
create trigger channel_outcome_tally_on_delete after delete on channel_attempt
    for each row when (old.finished_at is not null)
    execute function channel_outcome_tally_correct();

-- The attempts already finished within the longest window a configuration would use.
insert into channel_outcome_tally (channel_code, carrier, slot, latency_class, stripe, finished, succeeded)
select channel_code, carrier, date_bin(interval '10 seconds', finished_at, timestamptz '2000-01-01 00:00:00+00'),
       channel_outcome_latency_class(coalesce(latency_ms, extract(epoch from finished_at - started_at) * 1000)::double precision),
       0, count(*), count(*) filter (where status = 'SUCCEEDED')
from channel_attempt
where finished_at >= now() - interval '1 hour' and status in ('SUCCEEDED', 'FAILED')
group by 1, 2, 3, 4;
