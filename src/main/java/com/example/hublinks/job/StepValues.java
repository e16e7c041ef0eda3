package com.example.hublinks.job;

import com.example.hublinks.roster.ImportTally;

/** What the nightly job's step-scoped beans are given when their step starts ({@code @Value} expressions). */
final class StepValues {

    static final String INSTANCE_ID = "#{stepExecution.jobExecution.jobInstance.instanceId}";
    static final String JOB_NAME = "#{stepExecution.jobExecution.jobInstance.jobName}";
    static final String RUN_DATE = "#{jobParameters['runDate']}";
    static final String ATTEMPT = "#{jobParameters['attempt']}";
    static final String ROSTER = "#{jobParameters['roster']}";
    static final String ACCEPT_SHRINK = "#{jobParameters['acceptShrink']}";
    /** importRoster's {@link ImportTally}, as JSON; null before it ran. */
    static final String TALLY = "#{jobExecutionContext['" + ImportTally.KEY + "']}";

    private StepValues() {
    }
}
