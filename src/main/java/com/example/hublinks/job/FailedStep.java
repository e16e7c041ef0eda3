package com.example.hublinks.job;

import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Where a night that did not complete ended, for its console line: the step, and the failure that
 * says why. The step is the first one that ended badly (FAILED, or UNKNOWN after a failed commit),
 * so a partitioned step is named as ops know it ({@code signLinks}, not one of its partitions).
 * The reason is the first failure of the last such step that has one: a local partition's own error
 * rather than its manager's "Partition handler returned an unsuccessful step". Spring Batch's
 * {@code getAllFailureExceptions()} is an unordered set, so it is not used for either.
 */
record FailedStep(String name, Throwable reason) {

    static FailedStep of(JobExecution execution) {
        List<StepExecution> steps = List.copyOf(execution.getStepExecutions()); // in the order they ran
        List<StepExecution> failed = steps.stream().filter(s -> endedBadly(s.getStatus())).toList();
        String name = !failed.isEmpty() ? failed.get(0).getStepName()
                : steps.isEmpty() ? "(before its first step)" : steps.get(steps.size() - 1).getStepName();
        Throwable reason = null;
        for (StepExecution step : failed) {
            if (!step.getFailureExceptions().isEmpty()) {
                reason = step.getFailureExceptions().get(0);
            }
        }
        return new FailedStep(name, reason);
    }

    private static boolean endedBadly(BatchStatus status) {
        return status == BatchStatus.FAILED || status == BatchStatus.UNKNOWN || status == BatchStatus.ABANDONED;
    }
}
