package com.example.hublinks.job;

import com.example.hublinks.ops.OpsSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM (systemd stop, Kubernetes eviction) or Ctrl-C while a night or a worker runs. By default
 * the JVM runs its shutdown hooks at once: Spring Boot's closed the connection pool and H2's its
 * database under the running step, and the process died in the middle of a chunk without a word,
 * the night left STARTED and its lock held until the next run took both over.
 * <p>
 * While a command is {@linkplain #watch watched}, the signal is taken before the JVM starts to
 * shut down. It asks what runs to stop — a night: Spring Batch's stop signal ({@link #stopNight}),
 * after which the running step ends at its next chunk boundary, STOPPED, every chunk before committed —
 * and waits, at most {@code hublinks.ops.stop-timeout}, for the command to end by itself: the night
 * stopped, its lock released, its outcome printed, exit 143 ({@link ExitCodes#STOPPED}); the same
 * command resumes it. A step that does not reach a chunk boundary in time (a tasklet waiting on
 * eduMe's API or an SMTP server) is then left to the JVM's exit, as after a kill -9, which a night
 * is built to survive. ({@code sun.misc.Signal}: Java has no other way to act on a signal before
 * the shutdown hooks run; it is in the {@code jdk.unsupported} module, there for this use.)
 */
@Component
public class GracefulStop {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private final JobRepository jobRepository;
    private final ThisRun thisRun;
    private final Duration timeout;
    private volatile boolean requested;

    GracefulStop(JobRepository jobRepository, ThisRun thisRun, OpsSettings ops) {
        this.jobRepository = jobRepository;
        this.thisRun = thisRun;
        this.timeout = ops.stopTimeout();
    }

    /** Watches a night run by this process: a signal stops it at its next chunk boundary. */
    public Watch watchNight() {
        return watch("the night", this::stopNight);
    }

    /**
     * Until closed, SIGTERM and Ctrl-C run {@code stop} (which asks {@code what} to end soon) and
     * wait for the watch to be closed, by the command, once it has ended.
     */
    public Watch watch(String what, Runnable stop) {
        return new Watch(what, stop);
    }

    /** Whether a signal asked this process to stop. */
    public boolean requested() {
        return requested;
    }

    /**
     * Spring Batch's stop signal: the night's stored status becomes STOPPING, which the running step
     * reads at its next commit and stops on, at that chunk boundary. This is the first half of
     * {@link JobOperator#stop}; its second half, in Spring Batch 6.0.4, saves a stale copy of each
     * running step over the one the step is saving (spring-batch#5308, fixed after 6.0.4), which
     * here once reset importRoster's saved position to 0 and made its restart stage the file twice.
     */
    private void stopNight() {
        JobExecution current = thisRun.execution();
        for (int attempt = 0; current != null && attempt < 3; attempt++) {
            JobExecution stored = jobRepository.getJobExecution(current.getId());
            if (stored == null || !stored.getStatus().isRunning() || stored.getStatus() == BatchStatus.STOPPING) {
                return; // ending already
            }
            stored.setStatus(BatchStatus.STOPPING);
            try {
                jobRepository.update(stored);
                return;
            } catch (OptimisticLockingFailureException updatedMeanwhile) {
                // the night saved itself between our read and our write: read it again
            }
        }
    }

    /** A command in progress, whose signals stop it gracefully, until closed. */
    public final class Watch implements AutoCloseable {
        private final String what;
        private final Runnable stop;
        private final CountDownLatch done = new CountDownLatch(1);
        private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

        private Watch(String what, Runnable stop) {
            this.what = what;
            this.stop = stop;
            for (String name : new String[] {"TERM", "INT"}) {
                Signal signal = new Signal(name);
                try {
                    previous.put(signal, Signal.handle(signal, this::received));
                } catch (IllegalArgumentException taken) {
                    // the JVM keeps this signal (-Xrs): its default behaviour stays
                }
            }
        }

        private void received(Signal signal) {
            requested = true;
            log.warn("SIG{} received: stopping {} at the next chunk boundary; waiting at most {}"
                    + " (hublinks.ops.stop-timeout)", signal.getName(), what, timeout);
            try {
                stop.run();
                if (done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    return; // the command ends by itself, with its own exit code
                }
                log.error("{} did not stop within {}: exiting now; the same command resumes it from its last"
                        + " commit, as after a kill -9", what, timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("Could not stop {} gracefully ({}): exiting now", what, e.getMessage());
            }
            System.exit(128 + signal.getNumber());
        }

        @Override
        public void close() {
            previous.forEach(Signal::handle);
            done.countDown();
        }
    }
}
