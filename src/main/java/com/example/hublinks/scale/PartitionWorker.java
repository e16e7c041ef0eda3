package com.example.hublinks.scale;

import com.example.hublinks.support.RunParameters;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.messaging.Message;
import org.springframework.messaging.PollableChannel;
import org.springframework.messaging.support.GenericMessage;

/**
 * The loop of {@code hublinks worker}: takes one partition request at a time from the channel and
 * runs it with Spring Batch Integration's {@link StepExecutionRequestHandler}; when there is none,
 * waits {@code hublinks.scale.poll-interval}. Started by the command only (a manager's context has
 * one too, idle).
 * <p>
 * {@link #giveBack()} (SIGTERM, Ctrl-C) takes no new request and gives the partition in hand back
 * to the channel, to be resumed from its last commit by another worker (or this one, restarted):
 * its stored state goes back to STARTING — what the manager sent — and a new request for it is
 * queued. The manager, which waits for every partition to end, sees it running all along. The
 * chunk this worker has in progress then fails at its commit (the job repository's version check:
 * its partition was changed under it) and rolls back, so no range is ever signed by two workers.
 */
public class PartitionWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final PollableChannel requests;
    private final StepExecutionRequestHandler handler;
    private final InHand inHand;
    private final JobRepository jobRepository;
    private final Duration pollInterval;
    private final String source;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Thread loop;
    private volatile boolean givenBack;

    PartitionWorker(PollableChannel requests, StepExecutionRequestHandler handler, InHand inHand,
                    JobRepository jobRepository, Duration pollInterval, String source) {
        this.requests = requests;
        this.handler = handler;
        this.inHand = inHand;
        this.jobRepository = jobRepository;
        this.pollInterval = pollInterval;
        this.source = source;
    }

    /** Where the requests come from, for the start-up line. */
    public String source() {
        return source;
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public synchronized void start() {
        if (loop == null) {
            loop = new Thread(this::takeRequests, "worker");
            loop.start();
        }
    }

    /** Blocks until the worker has stopped. */
    public void awaitStopped() throws InterruptedException {
        Thread running = loop;
        if (running != null) {
            running.join();
        }
    }

    /** Takes no new request, and gives the partition in hand back to the channel; returns at once. */
    public void giveBack() {
        stopping.countDown();
        StepExecution running = inHand.current;
        if (running == null) {
            log.info("Stopping: no partition in hand");
            return;
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            StepExecution stored = jobRepository.getStepExecution(running.getId());
            if (stored == null || !stored.getStatus().isRunning()) {
                return; // it ended meanwhile
            }
            stored.setStatus(BatchStatus.STARTING);
            try {
                jobRepository.update(stored);
            } catch (OptimisticLockingFailureException committed) {
                continue; // its chunk committed between our read and our write: read it again
            }
            requests.send(new GenericMessage<>(new StepExecutionRequest(inHand.getName(), stored.getId())));
            givenBack = true;
            log.warn("Gave {} back to {} after {} learners: another worker resumes it from that commit. The chunk"
                    + " in progress here fails its commit on purpose and is rolled back: the version and 'unknown state'"
                    + " errors Spring Batch logs next are about this worker's copy only", stored.getStepName(), source,
                    String.format("%,d", stored.getWriteCount()));
            return;
        }
        log.error("Could not give {} back: it keeps committing; it is left to the manager's timeout",
                running.getStepName());
    }

    @Override
    public void stop() {
        stopping.countDown();
        try {
            awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        Thread running = loop;
        return running != null && running.isAlive();
    }

    private void takeRequests() {
        try {
            while (stopping.getCount() > 0) {
                if (!takeOne()) {
                    stopping.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Worker stopped");
    }

    /** Runs the next request, if there is one; false when there was none, or the database failed. */
    private boolean takeOne() {
        try {
            Message<?> message = requests.receive(0);
            if (message != null) {
                run((StepExecutionRequest) message.getPayload());
            }
            return message != null;
        } catch (RuntimeException e) { // the database away for a moment: keep the worker up, try again later
            log.error("Could not take or run a partition: {}", e.getMessage(), e);
            return false;
        }
    }

    private void run(StepExecutionRequest request) {
        StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
        if (partition == null || partition.getStatus() != BatchStatus.STARTING
                || !partition.getJobExecution().isRunning()) {
            // left in the channel by a night that timed out or was marked failed: its rerun sends new requests
            log.warn("Skipping a request for step execution {}: its night is no longer waiting for it",
                    request.getStepExecutionId());
            return;
        }
        log.info("Running {} of {} {}", partition.getStepName(), partition.getJobExecution().getJobParameters()
                .getString(RunParameters.JOB), partition.getJobExecution().getJobParameters()
                .getLocalDate(RunParameters.RUN_DATE));
        StepExecution done = handler.handle(request);
        if (givenBack) {
            log.info("{} given back", done.getStepName());
        } else {
            log.info("{} {}: {} learners signed", done.getStepName(), done.getStatus(), done.getWriteCount());
        }
    }

    /** The partition step, noting which partition it runs in this process, for {@link #giveBack()}. */
    static final class InHand implements Step {
        private final Step step;
        private volatile StepExecution current;

        InHand(Step step) {
            this.step = step;
        }

        @Override
        public String getName() {
            return step.getName();
        }

        @Override
        public void execute(StepExecution stepExecution) throws JobInterruptedException {
            current = stepExecution;
            try {
                step.execute(stepExecution);
            } finally {
                current = null;
            }
        }
    }
}
