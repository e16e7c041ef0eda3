package com.example.hublinks.job;

import com.example.hublinks.roster.GuardTasklet;
import com.example.hublinks.roster.NightDelta;
import com.example.hublinks.support.RunParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code cleanupStaging}: drops the delta tables of this job's nights and dry runs, tonight's
 * included (its exports and emails are done; the report reads only the job's context). Kept: a
 * night that failed and may still be resumed, and a run still in progress (a dry run does not
 * take the run lock). Dropping is idempotent, so a restart does it again.
 */
class StagingCleanupTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(StagingCleanupTasklet.class);

    private final NightDelta delta;
    private final JobRepository jobRepository;

    StagingCleanupTasklet(NightDelta delta, JobRepository jobRepository) {
        this.delta = delta;
        this.jobRepository = jobRepository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution tonight = chunkContext.getStepContext().getStepExecution().getJobExecution();
        int dropped = 0;
        for (long instance : delta.registered(tonight.getJobParameters().getString(RunParameters.JOB))) {
            if (instance == tonight.getJobInstance().getInstanceId() || !resumable(instance)) {
                delta.forget(instance);
                dropped++;
            }
        }
        log.info("Dropped {} staged delta table(s)", dropped);
        return RepeatStatus.FINISHED;
    }

    /**
     * Whether an instance may still need its staged roster: it is running (a dry run does not take
     * the run lock), or it is a night that failed and can be resumed. A night stopped by the guard
     * and a dry run are never resumed: the next run is a new instance.
     */
    private boolean resumable(long instanceId) {
        JobInstance instance = jobRepository.getJobInstance(instanceId);
        JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
        if (last == null) {
            return false;
        }
        boolean night = RunParameters.NIGHTLY_JOB.equals(instance.getJobName());
        return switch (last.getStatus()) {
            case COMPLETED, ABANDONED -> false;
            case FAILED, STOPPED -> night && !GuardTasklet.stopped(last);
            default -> true; // STARTING, STARTED, STOPPING, UNKNOWN: still running
        };
    }
}
