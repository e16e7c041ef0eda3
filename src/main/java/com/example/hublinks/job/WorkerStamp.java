package com.example.hublinks.job;

import com.example.hublinks.ops.LockOwner;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Writes which process runs a partition of {@code signLinks} ({@value #KEY} = {@code host:pid})
 * into the partition's step execution context, so ops (and tests) can tell which worker ran it.
 */
class WorkerStamp implements StepExecutionListener {

    static final String KEY = "worker";

    @Override
    public void beforeStep(StepExecution stepExecution) {
        stepExecution.getExecutionContext().putString(KEY, LockOwner.thisProcess());
    }
}
