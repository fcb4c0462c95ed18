-- The transaction that finished an attempt (set whenever an update or insert finishes it, or changes how it finished).
-- A reader that keeps the snapshot of its last read takes exactly the attempts whose finishing transactions that
-- snapshot did not see: committed since, however long before that they began. The success model's rounds read only
-- those, instead of re-reading the last seconds of finished attempts in case one committed late.
alter table channel_attempt add column finish_xid xid8;

create index channel_attempt_finish_xid on channel_attempt (finish_xid) where finish_xid is not null;

create function channel_attempt_stamp_finish() returns trigger
    language plpgsql as $$
begin
    new.finish_xid := pg_current_xact_id();
    return new;
end $$;

-- Whatever the writer (the dispatch path, a repair, an operator, a test's own rows): only a change to a finished
-- attempt's status or finish time stamps it; the open attempt's own moves only evaluate the condition.
create trigger channel_attempt_stamp_finish_on_insert before insert on channel_attempt
    for each row when (new.finished_at is not null)
    execute function channel_attempt_stamp_finish();
create trigger channel_attempt_stamp_finish_on_update before update of status, finished_at on channel_attempt
    for each row when (new.finished_at is not null
                       and (new.finished_at is distinct from old.finished_at or new.status is distinct from old.status))
    execute function channel_attempt_stamp_finish();

-- Attempts finished before this migration keep no stamp: a reader's first round takes them by their finish time.
