-- An outcome-tally row is now spread over its 8 stripes by the connection that writes it (the server process's id),
-- no longer by the attempt's id. A transaction finishing several attempts at once (the channel callbacks applied
-- together) used to lock several stripes of each row it touched, so two such transactions on the same channel waited
-- for each other's commit nearly every time; now each writes its own stripe, and transactions on two connections wait
-- for each other only when their connections share a stripe. A correction takes the attempt away from the stripe of
-- the connection making it, not from the one it was added to: the readers sum a row over its stripes, and a stripe
-- may go below zero.
create or replace function channel_outcome_tally_add(a channel_attempt, sign integer) returns void
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
            pg_backend_pid() & 7, sign, case when a.status = 'SUCCEEDED' then sign else 0 end)
    on conflict (slot, channel_code, carrier, latency_class, stripe) do update
        set finished = t.finished + excluded.finished, succeeded = t.succeeded + excluded.succeeded;
end $$;
