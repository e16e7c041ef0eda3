package com.example.hublinks.report;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** At the end of a run, a short table of its steps in the log: status, items and time per step. */
public class RunSummaryLog implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunSummaryLog.class);

    @Override
    public void afterJob(JobExecution jobExecution) {
        log.info("Run {} ended {}:\n{}", jobExecution.getId(), jobExecution.getStatus(), table(jobExecution));
    }

    static String table(JobExecution jobExecution) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "  %-20s %-10s %10s %10s %10s %9s%n",
                "step", "status", "read", "written", "skipped", "seconds"));
        for (StepExecution step : jobExecution.getStepExecutions()) {
            table.append(String.format(Locale.ROOT, "  %-20s %-10s %,10d %,10d %,10d %9.1f%n", step.getStepName(),
                    step.getStatus(), step.getReadCount(), step.getWriteCount(),
                    step.getFilterCount() + step.getSkipCount(), Elapsed.seconds(step.getStartTime(), step.getEndTime())));
        }
        return table.toString().stripTrailing();
    }
}
