-- The calibration report (predicted against observed success) reads counts instead of attempts: finished attempts
-- with a recorded prediction, per channel, carrier and band of predicted success, in 5-minute and hourly buckets.
-- channel.health.CalibrationRollup adds what finished before `rolled_to` (any instance, one at a time: it locks the
-- state row); the trigger below corrects the counts when an attempt already counted changes. The report reads whole
-- hours from the hourly buckets, the rest of its windows from the 5-minute ones and what finished since `rolled_to`
-- from channel_attempt itself.

-- The band of a predicted success: 0 below 0.5, then 0.5, 0.7, 0.85, 0.9, 0.95 and 0.98 as lower edges
-- (channel.health.PredictionBands.EDGES; a test holds the two together).
create function channel_attempt_band(predicted double precision) returns smallint
    language sql immutable parallel safe
    return width_bucket(predicted, array[0.5, 0.7, 0.85, 0.9, 0.95, 0.98]::double precision[]);

create table channel_attempt_rollup (
    grain_minutes   smallint            not null check (grain_minutes in (5, 60)),
    channel_code    text                not null,
    bucket          timestamptz         not null,   -- start, aligned to whole 5 minutes or hours of UTC
    carrier         text                not null,
    band            smallint            not null,
    attempts        integer             not null,
    succeeded       integer             not null,
    predicted_sum   double precision    not null,
    primary key (grain_minutes, channel_code, bucket, carrier, band) include (attempts, succeeded, predicted_sum)
);

-- Every finished attempt with a prediction that finished before rolled_to is counted (null: none yet).
create table channel_attempt_rollup_state (
    id          boolean     primary key default true check (id),
    rolled_to   timestamptz
);
insert into channel_attempt_rollup_state (id, rolled_to) values (true, null);

-- Adds one attempt (sign 1) or takes it away (sign -1) from both grains, if it counts at all.
create function channel_attempt_rollup_add(a channel_attempt, sign integer) returns void
    language plpgsql as $$
begin
    if a.finished_at is null or a.predicted_success is null or a.status not in ('SUCCEEDED', 'FAILED') then
        return;
    end if;
    insert into channel_attempt_rollup as r (grain_minutes, channel_code, bucket, carrier, band, attempts, succeeded,
                                             predicted_sum)
    select g, a.channel_code, date_bin(make_interval(mins => g), a.finished_at, timestamptz '2000-01-01 00:00:00+00'),
           a.carrier, channel_attempt_band(a.predicted_success), sign,
           case when a.status = 'SUCCEEDED' then sign else 0 end, sign * a.predicted_success
    from unnest(array[5, 60]) g
    on conflict (grain_minutes, channel_code, bucket, carrier, band) do update
        set attempts = r.attempts + excluded.attempts, succeeded = r.succeeded + excluded.succeeded,
            predicted_sum = r.predicted_sum + excluded.predicted_sum;
    delete from channel_attempt_rollup r
    where r.attempts = 0 and r.channel_code = a.channel_code and r.carrier = a.carrier
      and r.band = channel_attempt_band(a.predicted_success)
      and (r.grain_minutes, r.bucket) in (
          select g, date_bin(make_interval(mins => g), a.finished_at, timestamptz '2000-01-01 00:00:00+00')
          from unnest(array[5, 60]) g);
end $$;

-- A change to an attempt the rollup already counted: take the old row out and put the new one in. The share lock
-- waits while a roll is being written, so a change is either seen by that roll or corrected here.
create function channel_attempt_rollup_correct() returns trigger
    language plpgsql as $$
declare
    rolled timestamptz;
begin
    select s.rolled_to into rolled from channel_attempt_rollup_state s for share;
    if tg_op <> 'INSERT' and old.finished_at < rolled then
        perform channel_attempt_rollup_add(old, -1);
    end if;
    if tg_op <> 'DELETE' and new.finished_at < rolled then
        perform channel_attempt_rollup_add(new, 1);
    end if;
    return null;
end $$;

-- Only rows that were already finished (a late success, an operator's decision), or that finish with a time well in
-- the past, call the function: the dispatch path's own updates (open attempts finishing now) only evaluate the
-- conditions. An attempt whose finishing transaction commits after the roll passed its time would be missed; the
-- roll stays `topup.channel.health.calibration.lag` behind for that (longer than any transaction may run).
create trigger channel_attempt_rollup_on_insert after insert on channel_attempt
    for each row when (new.finished_at is not null)
    execute function channel_attempt_rollup_correct();
create trigger channel_attempt_rollup_on_update
    after update of status, finished_at, predicted_success, channel_code, carrier on channel_attempt
    for each row when (old.finished_at is not null or new.finished_at < now() - interval '1 minute')
    execute function channel_attempt_rollup_correct();
create trigger channel_attempt_rollup_on_delete after delete on channel_attempt
    for each row when (old.finished_at is not null)
    execute function channel_attempt_rollup_correct();
