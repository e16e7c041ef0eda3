package com.example.hublinks.job;

import com.example.hublinks.campaign.ExportFiles;
import com.example.hublinks.campaign.OutputDirectory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** Publishes the export files under their final names once {@code exportCampaign} has written every row. */
class ExportListener implements StepExecutionListener {

    private final OutputDirectory out;

    ExportListener(OutputDirectory out) {
        this.out = out;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
            ExportFiles.ALL.forEach(out::publish);
        }
        return stepExecution.getExitStatus();
    }
}
