package com.example.hublinks.reminder;

import java.time.LocalDate;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import tools.jackson.databind.json.JsonMapper;

/**
 * Before step remindLearners reads a learner (and before each resumption of it): the learner-level
 * events received since are applied to the progress ({@link LearnerEventApplier}), and what tonight
 * read of them goes into the step's context for the report. A failure fails the step, to be resumed.
 */
class ApplyLearnerEvents implements StepExecutionListener {

    private final LearnerEventApplier applier;
    private final JsonMapper json;
    private final String job;

    ApplyLearnerEvents(LearnerEventApplier applier, JsonMapper json, String job) {
        this.applier = applier;
        this.json = json;
        this.job = job;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        LocalDate night = stepExecution.getJobExecution().getJobParameters().getLocalDate("runDate");
        EventTally tally = applier.applyPending(job, night);
        stepExecution.getExecutionContext().putString(EventTally.KEY, json.writeValueAsString(tally));
    }
}
