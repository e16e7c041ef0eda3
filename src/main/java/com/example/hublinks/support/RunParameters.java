package com.example.hublinks.support;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters of one night. Identifying: the job definition's name, the run date and the
 * attempt (0, then 1, 2… for each {@code --force} or re-run after a guard stop). The roster file
 * and the guard override are not identifying: a restart may point at a corrected file.
 * Secrets are never parameters. A dry run has the same parameters, with a unique {@link #CHECK}
 * instead of the attempt.
 */
public record RunParameters(String job, LocalDate runDate, long attempt, String roster, boolean acceptShrink) {

    /** The Spring Batch job of every night, whichever job definition (its name is the {@link #JOB} parameter). */
    public static final String NIGHTLY_JOB = "hublinks-nightly";

    public static final String JOB = "job";
    public static final String RUN_DATE = "runDate";
    public static final String ATTEMPT = "attempt";
    public static final String ROSTER = "roster";
    public static final String ACCEPT_SHRINK = "acceptShrink";
    /** A dry run's unique, identifying parameter: every check is a new job instance. */
    public static final String CHECK = "check";

    public JobParameters toJobParameters() {
        return withOptions(identifying(job, runDate, attempt));
    }

    /** Those of a dry run of the night: a new {@link #CHECK} id in place of the attempt. */
    public JobParameters toCheckParameters() {
        return withOptions(new JobParametersBuilder()
                .addString(JOB, job)
                .addLocalDate(RUN_DATE, runDate)
                .addString(CHECK, UUID.randomUUID().toString()));
    }

    private JobParameters withOptions(JobParametersBuilder builder) {
        if (roster != null) {
            builder.addString(ROSTER, roster, false);
        }
        return builder.addString(ACCEPT_SHRINK, String.valueOf(acceptShrink), false).toJobParameters();
    }

    /** The parameters that name a job instance, for looking one up. */
    public static JobParametersBuilder identifying(String job, LocalDate runDate, long attempt) {
        return new JobParametersBuilder()
                .addString(JOB, job)
                .addLocalDate(RUN_DATE, runDate)
                .addLong(ATTEMPT, attempt);
    }
}
