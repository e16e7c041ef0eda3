-- Issue 14: mandatory-training reminders from eduMe's learner-level webhooks (DESIGN §8).
-- SQL that H2 and PostgreSQL share.

-- What each job knows of its learners' progress on a course, from learner-level webhooks: each
-- fact with eduMe's timestamp, the earliest one when eduMe sent it more than once. Facts are only
-- ever added, so a late or out-of-order delivery cannot reopen a completed course. Kept for ids
-- not on the job's roster too, in case the learner joins it later.
create table learner_progress (
    job_name         varchar(100) not null,
    external_user_id varchar(255) not null,
    course_id        bigint       not null,
    enrolled_at      timestamp,
    activated_at     timestamp,
    started_at       timestamp,
    completed_at     timestamp,
    primary key (job_name, external_user_id, course_id)
);

-- The learner-level events of webhook_event (shared by every job of the database) that a job has
-- applied: once each, the night that applied it, and why it could not be used (null: it was).
create table learner_event_applied (
    job_name  varchar(100)  not null,
    event_id  bigint        not null,
    run_date  date          not null,
    problem   varchar(200),
    primary key (job_name, event_id)
);

create index learner_event_applied_night on learner_event_applied (job_name, run_date);

-- Below applied_through every learner event is applied for the job: a night looks only above it.
-- It trails the newest event by an hour of arrivals, so that a delivery whose insert committed
-- after a newer one's is still found.
create table learner_event_cursor (
    job_name        varchar(100) not null primary key,
    applied_through bigint       not null
);

-- The reminder ledger: reminder number reminder_no of one learner for one course was issued on
-- run_date. A rerun, --force or resume of that night finds it and issues the same reminder again
-- in that night's files (never a new number); the period and the maximum count these rows.
create table reminder (
    job_name         varchar(100) not null,
    external_user_id varchar(255) not null,
    course_id        bigint       not null,
    reminder_no      int          not null,
    run_date         date         not null,
    job_instance_id  bigint       not null,
    primary key (job_name, external_user_id, course_id, reminder_no)
);

-- The email delivery ledger holds reminder emails too, keyed by the hash of "reminder {course}
-- #{number}" instead of a link: message says which kind of email a row is.
alter table delivery add column message varchar(20) default 'link' not null;
