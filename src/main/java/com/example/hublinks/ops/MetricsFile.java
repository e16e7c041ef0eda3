package com.example.hublinks.ops;

import com.example.hublinks.campaign.OutputDirectory;
import com.example.hublinks.job.ReportTasklet;
import com.example.hublinks.job.RunParameters;
import com.example.hublinks.link.LinkRepository;
import com.example.hublinks.roster.RosterRepository;
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

/**
 * After a run, {@code metrics.prom} in the night's folder: the registry's meters (Spring Batch's
 * {@code spring_batch_*} observations) in the Prometheus text format, plus the project's own:
 * items read and written per step of this run, links per state tonight, rejected roster rows.
 */
public class MetricsFile implements JobExecutionListener {

    public static final String NAME = "metrics.prom";

    private static final Logger log = LoggerFactory.getLogger(MetricsFile.class);

    private final PrometheusMeterRegistry registry;
    private final LinkRepository links;
    private final RosterRepository roster;
    private final Path outDir;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    public MetricsFile(PrometheusMeterRegistry registry, LinkRepository links, RosterRepository roster, Path outDir) {
        this.registry = registry;
        this.links = links;
        this.roster = roster;
        this.outDir = outDir;
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        String job = jobExecution.getJobParameters().getString(RunParameters.JOB);
        LocalDate runDate = jobExecution.getJobParameters().getLocalDate(RunParameters.RUN_DATE);
        OutputDirectory night = new OutputDirectory(outDir, job, runDate);
        if (!Files.isDirectory(night.path())) {
            return; // the night stopped before it wrote anything: a failure must not look like a published night
        }
        try {
            for (StepExecution step : jobExecution.getStepExecutions()) {
                gauge("hublinks.step.read", Tags.of("step", step.getStepName()), step.getReadCount());
                gauge("hublinks.step.written", Tags.of("step", step.getStepName()), step.getWriteCount());
            }
            stateCounts(jobExecution, job, runDate)
                    .forEach((state, count) -> gauge("hublinks.links", Tags.of("state", state), count));
            gauge("hublinks.roster.rejects", Tags.empty(), roster.rejectCount(jobExecution.getJobInstance().getInstanceId()));
            night.write(NAME, registry.scrape());
        } catch (RuntimeException e) {
            log.warn("Could not write {}: {}", NAME, e.getMessage()); // metrics must never fail a night
        }
    }

    /** The counts the report step took, or (a night that never reached it) a count of its own. */
    @SuppressWarnings("unchecked")
    private Map<String, Long> stateCounts(JobExecution jobExecution, String job, LocalDate runDate) {
        Object counted = jobExecution.getExecutionContext().get(ReportTasklet.STATE_COUNTS);
        return counted instanceof Map<?, ?> map ? (Map<String, Long>) map : links.stateCounts(job, runDate);
    }

    private void gauge(String name, Tags tags, long value) {
        gauges.computeIfAbsent(name + tags, k -> registry.gauge(name, tags, new AtomicLong())).set(value);
    }
}
