package com.example.hublinks.scale;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * When a remote {@code signLinks} fails, says which partition failed in which worker (the
 * failure itself is in that worker's log), or, when {@code hublinks.scale.timeout} passed, that
 * no worker finished. The partitions no worker finished are still STARTING (never taken: no worker running?)
 * or STARTED (a worker killed, or still at it). Spring Batch refuses to restart a step left in
 * those states, so they are marked FAILED here and the rerun resumes them from their last commit.
 * A worker still running one then fails at its next commit (the job repository's version check),
 * so a range is never signed by two processes at once; its request left in the channel is skipped.
 */
class StrandedPartitions implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StrandedPartitions.class);

    private final JobRepository jobRepository;
    private final String workerStep;
    private final Duration timeout;

    StrandedPartitions(JobRepository jobRepository, String workerStep, Duration timeout) {
        this.jobRepository = jobRepository;
        this.workerStep = workerStep;
        this.timeout = timeout;
    }

    @Override
    public ExitStatus afterStep(StepExecution manager) {
        if (manager.getStatus() == BatchStatus.COMPLETED) {
            return null;
        }
        List<String> stranded = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (StepExecution sent : manager.getJobExecution().getStepExecutions()) {
            StepExecution partition = sent.getStepName().startsWith(workerStep + ":")
                    ? jobRepository.getStepExecution(sent.getId()) : null;
            String worker = partition == null ? null : partition.getExecutionContext().getString(WorkerStamp.KEY, null);
            if (partition != null && (partition.getStatus() == BatchStatus.STARTING
                    || partition.getStatus() == BatchStatus.STARTED)) {
                stranded.add(partition.getStepName() + (worker == null ? " (never taken)" : " (taken by " + worker + ")"));
                fail(partition);
                sent.setStatus(BatchStatus.FAILED);
            } else if (partition != null && partition.getStatus() == BatchStatus.FAILED) {
                failed.add(partition.getStepName() + " in worker " + (worker == null ? "?" : worker));
            }
        }
        if (!stranded.isEmpty()) {
            log.warn("No worker finished {}: marked failed, the next run resumes them", String.join(", ", stranded));
        }
        // instead of Spring Batch's "Partition handler returned an unsuccessful step" or the poller's
        // timeout (already logged above), so that the console's one line says where to look
        String reason = null;
        if (!stranded.isEmpty() && manager.getFailureExceptions().stream().anyMatch(StrandedPartitions::timedOut)) {
            reason = "no worker finished " + stranded.size() + " partition(s) within hublinks.scale.timeout ("
                    + timeout + "); is 'hublinks worker' running?";
        } else if (!failed.isEmpty()) {
            reason = String.join(", ", failed) + " failed (that worker's log says why)";
        }
        if (reason != null) {
            manager.getFailureExceptions().clear();
            manager.addFailureException(new IllegalStateException(reason));
        }
        return null;
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void fail(StepExecution partition) {
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription("no worker finished it before the manager gave up"));
        partition.setEndTime(LocalDateTime.now());
        try {
            jobRepository.update(partition);
        } catch (OptimisticLockingFailureException e) {
            log.warn("{} was updated by its worker meanwhile; left as the worker leaves it", partition.getStepName());
        }
    }
}
