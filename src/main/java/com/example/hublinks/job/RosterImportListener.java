package com.example.hublinks.job;

import com.example.hublinks.roster.RosterRepository;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Before {@code importRoster} reads from the top, clears whatever an earlier attempt of the same
 * job instance staged; on a restart (the reader has a saved position) the committed rows stay.
 */
class RosterImportListener implements StepExecutionListener {

    private final RosterRepository roster;

    RosterImportListener(RosterRepository roster) {
        this.roster = roster;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (!stepExecution.getExecutionContext().containsKey("rosterReader.read.count")) {
            roster.clear(stepExecution.getJobExecution().getJobInstance().getInstanceId());
        }
    }
}
