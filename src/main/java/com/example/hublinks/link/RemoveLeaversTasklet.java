package com.example.hublinks.link;

import com.example.hublinks.roster.LearnerRepository;
import com.example.hublinks.roster.NightDelta;
import com.example.hublinks.support.RunParameters;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code removeLeavers}, after every partition of {@code signLinks}: the leavers importRoster
 * found (in tonight's delta) lose their live links and are marked removed, kept, never deleted.
 * A thousand per transaction, the last one done and the links removed so far in the step's
 * context, so a restart goes on from there. A step of its own rather than a listener of
 * signLinks, because Spring Batch logs and ignores an exception thrown after a step.
 */
public class RemoveLeaversTasklet implements Tasklet {

    public static final String REMOVED = "leavers.linksRemoved";
    private static final String DONE_UP_TO = "leavers.doneUpTo";
    private static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(RemoveLeaversTasklet.class);

    private final NightDelta delta;
    private final LinkRepository links;
    private final LearnerRepository learners;

    public RemoveLeaversTasklet(NightDelta delta, LinkRepository links, LearnerRepository learners) {
        this.delta = delta;
        this.links = links;
        this.learners = learners;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ExecutionContext saved = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        JobExecution night = chunkContext.getStepContext().getStepExecution().getJobExecution();
        String job = night.getJobParameters().getString(RunParameters.JOB);
        LocalDate runDate = night.getJobParameters().getLocalDate(RunParameters.RUN_DATE);
        List<String> leavers = delta.leavers(night.getJobInstance().getInstanceId(),
                saved.getString(DONE_UP_TO, null), BATCH);
        if (leavers.isEmpty()) {
            log.info("{} links of leavers marked removed", saved.getLong(REMOVED, 0));
            return RepeatStatus.FINISHED;
        }
        int removed = links.removeAllOf(job, runDate, leavers);
        learners.markRemoved(job, runDate, leavers);
        contribution.incrementWriteCount(removed);
        saved.putLong(REMOVED, saved.getLong(REMOVED, 0) + removed);
        saved.putString(DONE_UP_TO, leavers.get(leavers.size() - 1));
        return RepeatStatus.CONTINUABLE;
    }
}
