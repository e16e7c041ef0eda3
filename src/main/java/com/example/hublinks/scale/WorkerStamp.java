package com.example.hublinks.scale;

import com.example.hublinks.ops.LockOwner;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Writes which process runs a partition of {@code signLinks} ({@value #KEY} = {@code host:pid})
 * into the partition's step execution context, so ops (and tests) can tell which worker ran it.
 * Saved at once, not with the first commit: a partition that fails or is killed in its first
 * chunk still names its worker.
 */
public class WorkerStamp implements StepExecutionListener {

    static final String KEY = "worker";

    private final JobRepository jobRepository;

    public WorkerStamp(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        stepExecution.getExecutionContext().putString(KEY, LockOwner.thisProcess());
        jobRepository.updateExecutionContext(stepExecution);
    }
}
