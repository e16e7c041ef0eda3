package com.example.hublinks.job;

import com.example.hublinks.link.LinkRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code removeLeavers}, after every partition of {@code signLinks}: the live links of
 * learners who are not in tonight's roster become removed. A step of its own rather than a
 * listener of signLinks, because Spring Batch logs and ignores an exception thrown after a step:
 * a failed update would have let the night publish its leavers' links. Idempotent on restart.
 */
class RemoveLeaversTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RemoveLeaversTasklet.class);

    private final LinkRepository links;

    RemoveLeaversTasklet(LinkRepository links) {
        this.links = links;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution night = chunkContext.getStepContext().getStepExecution().getJobExecution();
        int removed = links.removeLeavers(night.getJobParameters().getString(RunParameters.JOB),
                night.getJobInstance().getInstanceId(), night.getJobParameters().getLocalDate(RunParameters.RUN_DATE));
        contribution.incrementWriteCount(removed);
        log.info("{} links of leavers marked removed", removed);
        return RepeatStatus.FINISHED;
    }
}
