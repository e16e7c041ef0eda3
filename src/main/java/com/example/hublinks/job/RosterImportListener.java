package com.example.hublinks.job;

import com.example.hublinks.roster.RosterRepository;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Before {@code importRoster} reads from the top, clears whatever an earlier attempt of the same
 * job instance staged; on a restart (the reader has a saved position) the committed rows stay.
 * Records whose night the staged rows are, for {@link StagingCleanupTasklet}.
 */
class RosterImportListener implements StepExecutionListener {

    private final RosterRepository roster;

    RosterImportListener(RosterRepository roster) {
        this.roster = roster;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long instance = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        if (!stepExecution.getExecutionContext().containsKey("rosterReader.read.count")) {
            roster.clear(instance);
        }
        JobParameters parameters = stepExecution.getJobExecution().getJobParameters();
        roster.recordImport(instance, parameters.getString(RunParameters.JOB),
                parameters.getLocalDate(RunParameters.RUN_DATE));
    }
}
