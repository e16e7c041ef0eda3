package com.example.hublinks.job;

import com.example.hublinks.link.LinkRepository;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * After {@code signLinks}' last chunk (of every partition), learners gone from the roster become
 * removed. Idempotent, so a restart repeats it safely. (Links new or changed on an earlier night
 * are not rewritten as unchanged: see {@link LinkRepository#stateTonight}.)
 */
class SignLinksListener implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(SignLinksListener.class);

    private final LinkRepository links;
    private final String job;

    SignLinksListener(LinkRepository links, String job) {
        this.links = links;
        this.job = job;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
            long instance = stepExecution.getJobExecution().getJobInstance().getInstanceId();
            int removed = links.removeLeavers(job, instance, runDate(stepExecution));
            log.info("Signed links for {} learners; {} links of leavers marked removed", stepExecution.getReadCount(),
                    removed);
        }
        return stepExecution.getExitStatus();
    }

    private static LocalDate runDate(StepExecution stepExecution) {
        return stepExecution.getJobExecution().getJobParameters().getLocalDate(RunParameters.RUN_DATE);
    }
}
