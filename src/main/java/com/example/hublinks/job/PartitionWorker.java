package com.example.hublinks.job;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.Message;
import org.springframework.messaging.PollableChannel;

/**
 * The loop of {@code hublinks worker}: takes one partition request at a time from the channel and
 * runs it with Spring Batch Integration's {@link StepExecutionRequestHandler}; when there is none,
 * waits {@code hublinks.scale.poll-interval}. Started by the command only (a manager's context has
 * one too, idle). Stopping (SIGTERM, Ctrl-C) takes no new request and waits for the partition in
 * progress to end, so a worker stopped gracefully leaves nothing half done.
 */
public class PartitionWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final PollableChannel requests;
    private final StepExecutionRequestHandler handler;
    private final JobRepository jobRepository;
    private final Duration pollInterval;
    private final String source;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Thread loop;

    PartitionWorker(PollableChannel requests, StepExecutionRequestHandler handler, JobRepository jobRepository,
                    Duration pollInterval, String source) {
        this.requests = requests;
        this.handler = handler;
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
        log.info("{} {}: {} learners signed", done.getStepName(), done.getStatus(), done.getWriteCount());
    }
}
