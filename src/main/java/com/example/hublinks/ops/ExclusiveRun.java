package com.example.hublinks.ops;

import com.example.hublinks.support.ExitCodes;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Holds a job's {@link RunLock} for the length of one run: taken before anything is touched,
 * its heartbeat refreshed by a daemon thread, released at the end whatever happened. A run that
 * dies without releasing (kill -9, power cut) leaves a row that the next run takes over; a run
 * that finds its lock taken over (it stalled past the lease) ends itself at once.
 */
@Component
public class ExclusiveRun {

    private static final Logger log = LoggerFactory.getLogger(ExclusiveRun.class);

    private final RunLock lock;
    private final OpsSettings ops;

    public ExclusiveRun(JdbcTemplate jdbc, Clock clock, OpsSettings ops) {
        this.ops = ops;
        this.lock = new RunLock(jdbc, clock, ops.lockLease(), LockOwner.thisProcess());
    }

    /** The lock, held until closed; throws {@link HeldElsewhere} when another live run has it. */
    public Lease acquire(String job) {
        Optional<RunLock.Holder> holder = lock.tryAcquire(job);
        if (holder.isPresent()) {
            throw new HeldElsewhere(holder.get());
        }
        return new Lease(job);
    }

    /** Another live process holds the job's lock. */
    public static class HeldElsewhere extends RuntimeException {
        private final transient RunLock.Holder holder;

        HeldElsewhere(RunLock.Holder holder) {
            super("held by " + holder.owner() + " since " + holder.acquiredAt() + " (last heartbeat "
                    + holder.heartbeatAt() + ")");
            this.holder = holder;
        }

        public RunLock.Holder holder() {
            return holder;
        }
    }

    /** A held lock: heartbeats until closed, then released. */
    public final class Lease implements AutoCloseable {
        private final String job;
        private final ScheduledExecutorService heartbeat;

        private Lease(String job) {
            this.job = job;
            this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "run-lock-heartbeat");
                thread.setDaemon(true);
                return thread;
            });
            long every = ops.heartbeat().toMillis();
            heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        }

        private void beat() {
            try {
                if (!lock.heartbeat(job)) {
                    // This process stalled past the lease (a suspended VM, say) and another run took over
                    // and resumes the night. Two runs must never write at once: end here as a kill -9
                    // would, which a night is built to survive.
                    log.error("The run lock of {} was taken over by another process after this run stalled for longer"
                            + " than hublinks.ops.lock-lease ({}); ending this run, the other one resumes it", job,
                            ops.lockLease());
                    Runtime.getRuntime().halt(ExitCodes.FAILED);
                }
            } catch (RuntimeException e) {
                log.warn("Could not refresh the run lock of {}: {}", job, e.getMessage());
            }
        }

        @Override
        public void close() {
            heartbeat.shutdownNow();
            try {
                lock.release(job);
            } catch (RuntimeException e) {
                // the database is gone: the row stays, and the next run takes it over, this process having ended
                log.warn("Could not release the run lock of {} ({}); the next run takes it over", job, e.getMessage());
            }
        }
    }
}
