package com.example.hublinks.job;

import com.example.hublinks.roster.RosterRepository;
import java.util.ArrayDeque;
import java.util.Deque;
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
 * Step {@code cleanupStaging}: deletes the staged rosters of this job's earlier nights and dry
 * runs, so that the staging tables hold about one roster per job rather than one per night.
 * Kept: tonight's (the report, {@code preview} and a resumed delivery read it) and those of a
 * night that failed and may still be resumed. One slice of rows per transaction (the tasklet is
 * called again until done); a restart starts over, and deleting is idempotent.
 */
class StagingCleanupTasklet implements Tasklet {

    /** Rows per transaction: large enough to be quick, small enough to keep H2's undo log small. */
    static final int SLICE = 10_000;

    private static final Logger log = LoggerFactory.getLogger(StagingCleanupTasklet.class);

    private final RosterRepository roster;
    private final JobRepository jobRepository;
    private Deque<Long> superseded;
    private long deleted;

    StagingCleanupTasklet(RosterRepository roster, JobRepository jobRepository) {
        this.roster = roster;
        this.jobRepository = jobRepository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (superseded == null) {
            JobExecution tonight = chunkContext.getStepContext().getStepExecution().getJobExecution();
            superseded = new ArrayDeque<>();
            for (long instance : roster.stagedInstances(tonight.getJobParameters().getString(RunParameters.JOB))) {
                if (instance != tonight.getJobInstance().getInstanceId() && !resumable(instance)) {
                    superseded.add(instance);
                }
            }
        }
        Long instance = superseded.peek();
        if (instance == null) {
            return RepeatStatus.FINISHED;
        }
        int slice = roster.deleteStagedLearners(instance, SLICE);
        deleted += slice;
        contribution.incrementWriteCount(slice);
        if (slice < SLICE) {
            roster.forgetImport(instance);
            superseded.remove();
            log.info("Deleted the staged roster of job instance {} ({} learners so far)", instance, deleted);
        }
        return superseded.isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
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
        boolean night = NightlyJobConfiguration.JOB_NAME.equals(instance.getJobName());
        return switch (last.getStatus()) {
            case COMPLETED, ABANDONED -> false;
            case FAILED, STOPPED -> night && !GuardTasklet.stopped(last);
            default -> true; // STARTING, STARTED, STOPPING, UNKNOWN: still running
        };
    }
}
