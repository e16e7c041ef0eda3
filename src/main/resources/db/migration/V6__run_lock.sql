-- One row per job definition while a run of it is in progress (issue 6: no overlapping runs).
-- owner is host:pid of the process holding it; heartbeat_at is refreshed every few seconds, so a
-- row whose heartbeat is older than the lease belongs to a process that died and may be taken over.
create table run_lock (
    job_name     varchar(100) not null primary key,
    owner        varchar(255) not null,
    acquired_at  timestamp    not null,
    heartbeat_at timestamp    not null
);
