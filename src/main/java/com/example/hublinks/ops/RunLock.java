package com.example.hublinks.ops;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code run_lock} row of one job definition: at most one process runs a job at a time.
 * Acquired atomically (an insert on the primary key, or a compare-and-set takeover), kept alive by
 * a heartbeat, and taken over when its holder is gone: a process on this host that no longer
 * exists, or any holder whose heartbeat is older than the lease (a crashed host, a killed pod).
 */
class RunLock {

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration lease;
    private final String owner;

    public RunLock(JdbcTemplate jdbc, Clock clock, Duration lease, String owner) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = lease;
        this.owner = owner;
    }

    /** Who holds a lock, and since when. */
    public record Holder(String owner, Instant acquiredAt, Instant heartbeatAt) {
    }

    /** Takes the job's lock; empty when taken, else the live holder that keeps us out. */
    public Optional<Holder> tryAcquire(String job) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update("insert into run_lock (job_name, owner, acquired_at, heartbeat_at) values (?, ?, ?, ?)",
                    job, owner, now, now);
            return Optional.empty();
        } catch (DuplicateKeyException held) {
            Optional<Holder> holder = holder(job);
            if (holder.isEmpty()) {
                return tryAcquire(job); // released between our insert and our look
            }
            Holder current = holder.get();
            if (alive(current)) {
                return holder;
            }
            // compare-and-set on the row we looked at: of two processes taking over, one wins
            int taken = jdbc.update("update run_lock set owner = ?, acquired_at = ?, heartbeat_at = ?"
                            + " where job_name = ? and owner = ? and heartbeat_at = ?", owner, now, now, job,
                    current.owner(), Timestamp.from(current.heartbeatAt()));
            if (taken == 1) {
                log.warn("Took over the lock of {} from {} (last heartbeat {}): that run is gone", job,
                        current.owner(), current.heartbeatAt());
                return Optional.empty();
            }
            return holder(job).or(() -> Optional.of(current));
        }
    }

    /** Refreshes the heartbeat; false when the lock is no longer ours (taken over after a stall). */
    public boolean heartbeat(String job) {
        return jdbc.update("update run_lock set heartbeat_at = ? where job_name = ? and owner = ?",
                Timestamp.from(clock.instant()), job, owner) == 1;
    }

    public void release(String job) {
        jdbc.update("delete from run_lock where job_name = ? and owner = ?", job, owner);
    }

    public Optional<Holder> holder(String job) {
        List<Holder> rows = jdbc.query("select owner, acquired_at, heartbeat_at from run_lock where job_name = ?",
                (rs, i) -> new Holder(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()),
                job);
        return rows.stream().findFirst();
    }

    /** A holder is alive while its heartbeat is within the lease, unless it is a process of this host that has ended. */
    boolean alive(Holder holder) {
        if (LockOwner.isDeadLocalProcess(holder.owner())) {
            return false;
        }
        return holder.heartbeatAt().plus(lease).isAfter(clock.instant());
    }
}
