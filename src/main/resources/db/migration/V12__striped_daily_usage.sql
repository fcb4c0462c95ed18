-- A channel without a daily quota tallies its usage over several rows (stripes) so concurrent dispatches to it do
-- not queue on one row lock; a channel with a quota reserves on stripe 0, checked against the sum of all stripes.
alter table channel_daily_usage add column stripe smallint not null default 0;
alter table channel_daily_usage drop constraint channel_daily_usage_pkey;
alter table channel_daily_usage add primary key (channel_code, day, stripe);
