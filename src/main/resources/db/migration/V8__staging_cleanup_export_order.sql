-- The export reads learner_link in primary-key order. With an index on (job_name, state) H2 chose
-- that index for "state <> 'removed'" and then sorted every live link of the job before the first
-- row came out (12 s of a million-learner night). Since state is relative to last_changed, the
-- index narrowed nothing any query asks for; without it the primary key serves them in order.
drop index learner_link_state;

-- Which job and night staged each job instance's roster rows, so that a completed night can
-- delete the staging of the nights before it (roster_learner & co. are keyed by instance only).
create table roster_import (
    job_instance_id bigint       not null primary key,
    job_name        varchar(100) not null,
    run_date        date         not null
);
