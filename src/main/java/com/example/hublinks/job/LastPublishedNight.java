package com.example.hublinks.job;

import com.example.hublinks.report.ReportTasklet;
import com.example.hublinks.roster.ImportRosterTasklet;
import com.example.hublinks.roster.ImportTally;
import com.example.hublinks.roster.SameRoster;
import com.example.hublinks.support.OutputDirectory;
import com.example.hublinks.support.RunParameters;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import tools.jackson.databind.json.JsonMapper;

/**
 * The night that last wrote a job's stored learners (the latest to start {@code signLinks}, among
 * its last few nights), if it completed: what an unchanged roster file is compared with
 * ({@link SameRoster}). A night that failed after it started signing, or that was forced, wrote
 * learners too, so it hides the nights before it.
 */
final class LastPublishedNight implements SameRoster.LastPublished {

    /** How many of the newest nights to look at: the writer is nearly always the newest or the one before. */
    private static final int NIGHTS = 10;

    private final JobRepository jobRepository;
    private final String job;
    private final Path outDir;
    private final JsonMapper json;

    /** What a run of the Spring Batch job {@code batchJob} compares its roster with: a dry run always reads the file. */
    static SameRoster.LastPublished of(String batchJob, JobRepository jobRepository, String job, Path outDir,
                                       JsonMapper json) {
        return RosterCheckJobConfiguration.JOB_NAME.equals(batchJob) ? Optional::empty
                : new LastPublishedNight(jobRepository, job, outDir, json);
    }

    private LastPublishedNight(JobRepository jobRepository, String job, Path outDir, JsonMapper json) {
        this.jobRepository = jobRepository;
        this.job = job;
        this.outDir = outDir;
        this.json = json;
    }

    @Override
    public Optional<SameRoster.LastNight> find() {
        JobInstance writer = null;
        LocalDateTime latest = null;
        for (JobInstance instance : jobRepository.getJobInstances(RunParameters.NIGHTLY_JOB, 0, NIGHTS)) {
            for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
                if (!job.equals(execution.getJobParameters().getString(RunParameters.JOB))) {
                    continue;
                }
                for (StepExecution step : execution.getStepExecutions()) {
                    if (step.getStepName().equals("signLinks") && step.getStartTime() != null
                            && (latest == null || step.getStartTime().isAfter(latest))) {
                        latest = step.getStartTime();
                        writer = instance;
                    }
                }
            }
        }
        JobExecution last = writer == null ? null : jobRepository.getLastJobExecution(writer);
        if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
            return Optional.empty();
        }
        ImportTally tally = ImportRosterTasklet.tally(last.getExecutionContext(), json);
        if (!(last.getExecutionContext().get(ReportTasklet.STATE_COUNTS) instanceof Map<?, ?> states) || tally == null) {
            return Optional.empty();
        }
        long liveLinks = 0;
        for (String state : new String[] {"new", "changed", "unchanged"}) {
            liveLinks += states.get(state) instanceof Number n ? n.longValue() : 0;
        }
        LocalDate runDate = last.getJobParameters().getLocalDate(RunParameters.RUN_DATE);
        return Optional.of(new SameRoster.LastNight(String.valueOf(runDate), tally, liveLinks,
                new OutputDirectory(outDir, job, runDate)));
    }
}
