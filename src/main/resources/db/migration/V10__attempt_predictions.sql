-- What the success model predicted when routing chose the attempt's channel, and the best other channel then:
-- for the order's timeline and for comparing predicted with observed success.
alter table channel_attempt add column predicted_success double precision;
alter table channel_attempt add column best_alternative text;
alter table channel_attempt add column best_alternative_predicted double precision;
