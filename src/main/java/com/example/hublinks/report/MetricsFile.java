package com.example.hublinks.report;

import com.example.hublinks.reminder.ReminderSummary;
import com.example.hublinks.roster.ImportRosterTasklet;
import com.example.hublinks.roster.ImportTally;
import com.example.hublinks.support.OutputDirectory;
import com.example.hublinks.support.RunParameters;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import tools.jackson.databind.json.JsonMapper;

/**
 * After a run, {@code metrics.prom} in the night's folder: the registry's meters (Spring Batch's
 * {@code spring_batch_*} observations) in the Prometheus text format, plus the project's own:
 * items read and written per step of this run, links per state tonight, rejected roster rows, and
 * per mandatory course its learners assigned, completed, reminded tonight and overdue.
 */
public class MetricsFile implements JobExecutionListener {

    public static final String NAME = "metrics.prom";

    private static final Logger log = LoggerFactory.getLogger(MetricsFile.class);

    private final PrometheusMeterRegistry registry;
    private final JsonMapper json;
    private final Path outDir;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    public MetricsFile(PrometheusMeterRegistry registry, JsonMapper json, Path outDir) {
        this.registry = registry;
        this.json = json;
        this.outDir = outDir;
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        String job = jobExecution.getJobParameters().getString(RunParameters.JOB);
        LocalDate runDate = jobExecution.getJobParameters().getLocalDate(RunParameters.RUN_DATE);
        OutputDirectory night = new OutputDirectory(outDir, job, runDate);
        Object states = jobExecution.getExecutionContext().get(ReportTasklet.STATE_COUNTS);
        if (!(states instanceof Map<?, ?> counts) || !Files.isDirectory(night.path())) {
            return; // the night stopped before its report: a failure must not look like a published night
        }
        try {
            for (StepExecution step : jobExecution.getStepExecutions()) {
                gauge("hublinks.step.read", Tags.of("step", step.getStepName()), step.getReadCount());
                gauge("hublinks.step.written", Tags.of("step", step.getStepName()), step.getWriteCount());
            }
            counts.forEach((state, count) -> gauge("hublinks.links", Tags.of("state", String.valueOf(state)),
                    ((Number) count).longValue()));
            ImportTally tally = ImportRosterTasklet.tally(jobExecution.getExecutionContext(), json);
            gauge("hublinks.roster.rejects", Tags.empty(), tally == null ? 0 : tally.rejected());
            ReminderSummary reminders = ReminderSummary.of(jobExecution.getExecutionContext(), json);
            if (reminders != null) {
                for (ReminderSummary.Course course : reminders.courses()) {
                    Tags tags = Tags.of("course", String.valueOf(course.courseId()));
                    gauge("hublinks.reminders.assigned", tags, course.assigned());
                    gauge("hublinks.reminders.completed", tags, course.completed());
                    gauge("hublinks.reminders.reminded", tags, course.remindedTonight());
                    gauge("hublinks.reminders.overdue", tags, course.overdue());
                }
                gauge("hublinks.reminders.unusable.events", Tags.empty(), reminders.unusableEvents());
            }
            night.write(NAME, registry.scrape());
        } catch (RuntimeException e) {
            log.warn("Could not write {}: {}", NAME, e.getMessage()); // metrics must never fail a night
        }
    }

    private void gauge(String name, Tags tags, long value) {
        gauges.computeIfAbsent(name + tags, k -> registry.gauge(name, tags, new AtomicLong())).set(value);
    }
}
