package com.example.hublinks.roster;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step {@code guard}: refuses to publish a roster that looks broken, before any link is touched.
 * Empty (fewer than {@code min-rows}), shrunk by more than {@code max-shrink} against the learners
 * holding live links, or more than {@code max-reject-share} rejected: the step ends with exit
 * status {@value #STOPPED}, the job writes its report and stops with exit code 3.
 */
public class GuardTasklet implements Tasklet {

    public static final String STOPPED = "GUARD_STOPPED";
    public static final String STEP = "guard";
    public static final String REASONS = "guard.reasons";

    private static final Logger log = LoggerFactory.getLogger(GuardTasklet.class);

    private final GuardSettings guard;
    private final JsonMapper json;
    private final boolean acceptShrink;

    public GuardTasklet(GuardSettings guard, JsonMapper json, boolean acceptShrink) {
        this.guard = guard;
        this.json = json;
        this.acceptShrink = acceptShrink;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        ImportTally tally = ImportRosterTasklet.tally(step.getJobExecution().getExecutionContext(), json);
        // the learners holding live links before tonight are the roster the job last published
        List<String> reasons = reasons(tally.usable(), tally.rejected(), tally.storedBefore());
        if (!reasons.isEmpty()) {
            reasons.forEach(reason -> log.warn("Guard: {}", reason));
            step.getJobExecution().getExecutionContext().put(REASONS, new ArrayList<>(reasons));
            contribution.setExitStatus(new ExitStatus(STOPPED, String.join("; ", reasons)));
        }
        return RepeatStatus.FINISHED;
    }

    /** Why tonight's roster must not be published; empty when it may. */
    List<String> reasons(long valid, long rejected, long previouslyActive) {
        List<String> reasons = new ArrayList<>();
        if (valid < guard.minRows()) {
            reasons.add("the roster has " + valid + " usable learners, fewer than hublinks.guard.min-rows ("
                    + guard.minRows() + ")");
        }
        if (previouslyActive > 0 && !acceptShrink) {
            double shrink = 1.0 - (double) valid / previouslyActive;
            if (exceeds(previouslyActive - valid, previouslyActive, guard.maxShrink())) {
                reasons.add(String.format(Locale.ROOT, "the roster shrank by %.1f%% (%d learners, %d last published),"
                                + " more than hublinks.guard.max-shrink (%.1f%%); rerun with --accept-shrink if it is real",
                        shrink * 100, valid, previouslyActive, guard.maxShrink() * 100));
            }
        }
        long read = valid + rejected;
        if (read > 0 && exceeds(rejected, read, guard.maxRejectShare())) {
            reasons.add(String.format(Locale.ROOT, "%d of %d rows were rejected (%.1f%%), more than"
                            + " hublinks.guard.max-reject-share (%.1f%%); see rejects.csv", rejected, read,
                    100.0 * rejected / read, guard.maxRejectShare() * 100));
        }
        return reasons;
    }

    /**
     * part / whole > limit, in decimal arithmetic: in binary floating point 1 - 70/100 is
     * 0.30000000000000004, and a shrink of exactly max-shrink 0.3 would be stopped.
     */
    private static boolean exceeds(long part, long whole, double limit) {
        return BigDecimal.valueOf(part).compareTo(BigDecimal.valueOf(limit).multiply(BigDecimal.valueOf(whole))) > 0;
    }

    /** Whether the guard stopped this run (such a night is never resumed: a new attempt follows). */
    public static boolean stopped(JobExecution execution) {
        return step(execution).map(s -> STOPPED.equals(s.getExitStatus().getExitCode())).orElse(false);
    }

    public static Optional<StepExecution> step(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(STEP)).findFirst();
    }
}
