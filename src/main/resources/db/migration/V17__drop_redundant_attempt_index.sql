-- Attempts by order are found through the unique index on (order_id, attempt_no), whose first column is the order:
-- the index on order_id alone answered the same lookups and cost every attempt's insert, and each of its updates that
-- moves an indexed column, one more index entry.
drop index channel_attempt_order;
