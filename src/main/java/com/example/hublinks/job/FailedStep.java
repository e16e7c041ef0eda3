package com.example.hublinks.job;

import com.example.hublinks.support.ExitCodes;
import com.example.hublinks.support.SettingsException;
import java.util.List;
import java.util.Objects;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.transaction.CannotCreateTransactionException;

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

    /**
     * How a night or a dry run that failed ends: exit 2 with the settings problem behind one of its
     * failures, else exit 1 naming the step and why.
     *
     * @param run  what failed, as the console's line begins: the job and date, or "dry run"
     * @param then what the line ends with, e.g. how to resume
     */
    static NightlyRun.Outcome outcome(JobExecution execution, String run, String then) {
        SettingsException settingsProblem = execution.getAllFailureExceptions().stream().map(SettingsException::findIn)
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (settingsProblem != null) {
            return new NightlyRun.Outcome(ExitCodes.SETTINGS, settingsProblem.getMessage());
        }
        Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        FailedStep failed = of(execution);
        String reason = failed.reason() != null ? failed.describe()
                : failure != null ? root(failure) : execution.getExitStatus().getExitDescription();
        return new NightlyRun.Outcome(ExitCodes.FAILED, run + " failed in step " + failed.name() + ": " + reason
                + then);
    }

    /** The reason as the console says it: a lost database connection says so. */
    String describe() {
        String root = root(reason);
        return lostConnection(reason) ? "the database connection was lost (" + root + ")" : root;
    }

    private static String root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** A JDBC connection that broke or could not be had: SQLState 08…, PostgreSQL's 57P… (shutdown), a refused connect. */
    private static boolean lostConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException || t instanceof CannotCreateTransactionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && "Connection is closed".equals(sql.getMessage())) {
                return true; // Hikari's word for a connection the database dropped
            }
        }
        return false;
    }

    private static boolean endedBadly(BatchStatus status) {
        return status == BatchStatus.FAILED || status == BatchStatus.UNKNOWN || status == BatchStatus.ABANDONED;
    }
}
