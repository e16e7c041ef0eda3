package com.example.hublinks.scale;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.step.StepExecution;

/**
 * Adds up the partitions of a remote {@code signLinks} into the manager's step, as locally, and
 * also copies what each worker recorded (status, counts, times, context) onto the manager's own
 * copy of that partition: the run summary, report.json and metrics.prom read the job execution
 * in memory, where the partitions would otherwise still be as sent (STARTING, nothing read).
 */
class WorkerResults implements StepExecutionAggregator {

    private final StepExecutionAggregator totals = new DefaultStepExecutionAggregator();

    @Override
    public void aggregate(StepExecution result, Collection<StepExecution> executions) {
        Map<Long, StepExecution> ran = executions.stream()
                .collect(Collectors.toMap(StepExecution::getId, Function.identity(), (a, b) -> b));
        for (StepExecution sent : result.getJobExecution().getStepExecutions()) {
            StepExecution worker = ran.get(sent.getId());
            if (worker != null && worker != sent) {
                copy(worker, sent);
            }
        }
        totals.aggregate(result, executions);
    }

    private static void copy(StepExecution from, StepExecution to) {
        to.setStatus(from.getStatus());
        to.setExitStatus(from.getExitStatus());
        to.setStartTime(from.getStartTime());
        to.setEndTime(from.getEndTime());
        to.setLastUpdated(from.getLastUpdated());
        to.setReadCount(from.getReadCount());
        to.setWriteCount(from.getWriteCount());
        to.setFilterCount(from.getFilterCount());
        to.setCommitCount(from.getCommitCount());
        to.setRollbackCount(from.getRollbackCount());
        to.setReadSkipCount(from.getReadSkipCount());
        to.setProcessSkipCount(from.getProcessSkipCount());
        to.setWriteSkipCount(from.getWriteSkipCount());
        to.setExecutionContext(from.getExecutionContext());
    }
}
