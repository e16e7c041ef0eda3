-- The email delivery ledger: one row per (job, learner, link) ever attempted, so that a learner
-- never receives the same link twice, across reruns, --force and crash-restarts.
-- The link itself is never stored here: only its SHA-256 (lower-case hex).
-- status: sending  claimed and committed before the SMTP call; stays so only if the process
--                  died during the send, or the SMTP session broke after the message data went
--                  out (unconfirmed: the server may have it; never resent)
--         sent     the SMTP server accepted the message
--         pending  a transient failure (server down, 4xx): the next run tries again
--         failed   a permanent failure (5xx, bad address): never retried
create table delivery (
    job_name          varchar(100)  not null,
    external_user_id  varchar(255)  not null,
    link_hash         char(64)      not null,
    email             varchar(320)  not null,
    run_date          date          not null,
    job_instance_id   bigint        not null,
    status            varchar(10)   not null,
    attempts          int           not null,
    last_error        varchar(1000),
    first_attempt_at  timestamp     not null,
    last_attempt_at   timestamp     not null,
    sent_at           timestamp,
    primary key (job_name, external_user_id, link_hash)
);

create index delivery_instance on delivery (job_name, job_instance_id, status);
