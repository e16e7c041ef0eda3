package com.example.hublinks.report;

import com.example.hublinks.campaign.DeliveryLedger;
import com.example.hublinks.campaign.ExportFiles;
import com.example.hublinks.catalog.CatalogRepository;
import com.example.hublinks.catalog.SkippedCourse;
import com.example.hublinks.link.LinkRepository;
import com.example.hublinks.reminder.ReminderFiles;
import com.example.hublinks.reminder.ReminderSummary;
import com.example.hublinks.roster.ContactWarning;
import com.example.hublinks.roster.GuardTasklet;
import com.example.hublinks.roster.ImportRosterTasklet;
import com.example.hublinks.roster.ImportTally;
import com.example.hublinks.support.ExitCodes;
import com.example.hublinks.support.OutputDirectory;
import com.example.hublinks.support.RunParameters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step {@code report}: publishes the night's files (the exports, the reminders', and the
 * {@code rejects.csv} and {@code warnings.csv} importRoster streamed), then writes {@code report.json}, {@code report.html}
 * ({@link ReportPage}) and {@code manifest.json} (each file's rows and SHA-256). Runs after a
 * published night, after a guard stop and for a dry run, with the exit code the job ends with.
 * Reads no roster and no link table: every count was kept by the step that made it.
 */
public class ReportTasklet implements Tasklet {

    public static final String REJECTS = "rejects.csv";
    public static final String WARNINGS = "warnings.csv";
    public static final String REPORT = "report.json";
    public static final String MANIFEST = "manifest.json";
    /** Tonight's link counts per state, kept in the job's execution context for {@code metrics.prom}. */
    public static final String STATE_COUNTS = "report.stateCounts";

    private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

    /** What kind of run the report is of. */
    public enum Kind { NIGHT, GUARD_STOPPED, DRY_RUN }

    private final OutputDirectory out;
    private final JobRepository jobRepository;
    private final LinkRepository links;
    private final CatalogRepository catalog;
    private final DeliveryLedger deliveries;
    private final JsonMapper json;
    private final JsonMapper pretty;
    private final Kind kind;
    private final List<Long> linkCourses;

    public ReportTasklet(OutputDirectory out, JobRepository jobRepository, LinkRepository links,
                         CatalogRepository catalog, DeliveryLedger deliveries, JsonMapper json, Kind kind,
                         List<Long> linkCourses) {
        this.out = out;
        this.jobRepository = jobRepository;
        this.links = links;
        this.catalog = catalog;
        this.deliveries = deliveries;
        this.json = json;
        this.pretty = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
        this.kind = kind;
        this.linkCourses = linkCourses;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution self = chunkContext.getStepContext().getStepExecution();
        JobExecution jobExecution = self.getJobExecution();
        long instance = jobExecution.getJobInstance().getInstanceId();
        String job = jobExecution.getJobParameters().getString(RunParameters.JOB);
        LocalDate runDate = jobExecution.getJobParameters().getLocalDate(RunParameters.RUN_DATE);
        ImportTally tally = ImportRosterTasklet.tally(jobExecution.getExecutionContext(), json);
        out.create();
        boolean published = kind == Kind.NIGHT;
        if (published) {
            // the export's files get their final names here, next to their manifest: in a listener
            // of exportCampaign a failed rename would be logged and ignored by Spring Batch
            ExportFiles.ALL.forEach(out::publish);
            ReminderFiles.ALL.forEach(out::publish);
        }
        out.publish(REJECTS);
        out.publish(WARNINGS);

        Map<String, Object> manifest = new LinkedHashMap<>();
        Map<String, Long> exported = new LinkedHashMap<>();
        for (String name : ExportFiles.ALL) {
            if (published && out.file(name).toFile().isFile()) {
                long rows = rows(jobExecution, name);
                manifest.put(name, Map.of("rows", rows, "sha256", out.sha256(name)));
                exported.put(name.substring(0, name.indexOf('.')), rows);
            } else {
                exported.put(name.substring(0, name.indexOf('.')), 0L);
            }
        }
        for (String name : ReminderFiles.ALL) { // only a night that reminds has them
            if (published && out.file(name).toFile().isFile()) {
                manifest.put(name, Map.of("rows", rows(jobExecution, name), "sha256", out.sha256(name)));
            }
        }
        manifest.put(REJECTS, Map.of("rows", tally.rejected(), "sha256", out.sha256(REJECTS)));
        manifest.put(WARNINGS, Map.of("rows", tally.warnings(), "sha256", out.sha256(WARNINGS)));

        Map<String, Long> states = published ? LinkCounts.of(jobExecution, tally, jobRepository, links)
                : Map.of("new", 0L, "changed", 0L, "unchanged", 0L, "removed", 0L);
        jobExecution.getExecutionContext().put(STATE_COUNTS, new HashMap<>(states));
        // emails of this night's run, its restarts included: a --force of the night sends (and counts) none again
        Map<String, Long> emails = deliveries.statusCounts(job, instance);
        RunReport.Delivery delivery = new RunReport.Delivery(emails.get(DeliveryLedger.SENT),
                emails.get(DeliveryLedger.FAILED), emails.get(DeliveryLedger.PENDING), emails.get(DeliveryLedger.SENDING),
                deliveries.problems(job, instance));
        RunReport.Counts counts = new RunReport.Counts(tally.read(), tally.rejected(), tally.warnings(),
                states.get("new"), states.get("changed"), states.get("unchanged"), states.get("removed"), exported,
                emails.get(DeliveryLedger.SENT));
        RunReport.CatalogInfo catalogInfo = catalog.lastRefresh()
                .map(r -> new RunReport.CatalogInfo(r.source(), r.stale(), r.refreshedAt().toString(), r.note()))
                .orElse(new RunReport.CatalogInfo("none", true, null, null));
        List<SkippedCourse> skipped = SkippedCourse.among(linkCourses, catalog);
        skipped.forEach(c -> log.warn("Course {} ({}) got no links: {}", c.courseId(), c.title(), c.reason()));
        List<String> reasons = published ? List.of() : guardReasons(jobExecution);
        String status = switch (kind) {
            case DRY_RUN -> "DRY_RUN";
            case GUARD_STOPPED -> "STOPPED_BY_GUARD";
            case NIGHT -> "COMPLETED";
        };
        RunReport.RosterInfo roster = tally.roster() == null ? new RunReport.RosterInfo(null, null)
                : new RunReport.RosterInfo(tally.roster().sha256(), tally.roster().unchangedSince());
        RunReport report = new RunReport(job, runDate.toString(), status,
                reasons.isEmpty() ? ExitCodes.OK : ExitCodes.GUARD_STOPPED, catalogInfo, roster, counts,
                steps(jobExecution, self),
                reasons, tally.rejectReasons(), tally.warningReasons(),
                tally.firstWarnings().stream().map(ReportTasklet::describe).toList(),
                new RunReport.Courses(linkCourses, skipped), delivery,
                ReminderSummary.of(jobExecution.getExecutionContext(), json, deliveries, job, instance));
        out.write(REPORT, pretty.writeValueAsString(report) + "\n");
        manifest.put(REPORT, Map.of("rows", 1, "sha256", out.sha256(REPORT)));
        out.write(ReportPage.NAME, ReportPage.render(report, tally.firstRejects(), teamLabels(tally.perTeam())));
        manifest.put(ReportPage.NAME, Map.of("rows", 1, "sha256", out.sha256(ReportPage.NAME)));
        out.write(MANIFEST, pretty.writeValueAsString(manifest) + "\n");
        log.info("Report written to {}", out.file(REPORT));
        return RepeatStatus.FINISHED;
    }

    /**
     * A file's rows as its writer counted them (kept in the job's context since the export), so
     * the report does not parse a million-row CSV again; counted from the file when not known.
     */
    private long rows(JobExecution jobExecution, String name) {
        Object written = jobExecution.getExecutionContext().get(ExportFiles.rowsKey(name));
        return written instanceof Number n ? n.longValue() : out.rows(name);
    }

    /** Team ids named as the catalog names them: "London (5)". */
    private Map<String, Long> teamLabels(Map<Long, Long> perTeam) {
        Map<Long, String> names = new HashMap<>();
        catalog.load().teams().forEach(t -> names.put(t.teamId(), t.name()));
        Map<String, Long> labelled = new LinkedHashMap<>();
        perTeam.forEach((id, n) -> labelled.put(names.containsKey(id) ? names.get(id) + " (" + id + ")" : "team " + id, n));
        return labelled;
    }

    @SuppressWarnings("unchecked")
    private static List<String> guardReasons(JobExecution jobExecution) {
        Object reasons = jobExecution.getExecutionContext().get(GuardTasklet.REASONS);
        return reasons instanceof List<?> list ? (List<String>) list : List.of();
    }

    private static String describe(ContactWarning w) {
        return "line " + w.lineNo() + " (" + w.externalUserId() + "), column " + w.column() + ": " + w.reason();
    }

    private static List<RunReport.StepTiming> steps(JobExecution jobExecution, StepExecution self) {
        List<RunReport.StepTiming> steps = new ArrayList<>();
        for (StepExecution step : jobExecution.getStepExecutions()) {
            if (step.getStepName().equals(self.getStepName())) {
                continue;
            }
            steps.add(new RunReport.StepTiming(step.getStepName(), step.getStatus().name(),
                    Elapsed.seconds(step.getStartTime(), step.getEndTime())));
        }
        return steps;
    }
}
