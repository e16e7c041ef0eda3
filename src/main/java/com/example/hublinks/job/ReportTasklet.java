package com.example.hublinks.job;

import com.example.hublinks.campaign.CsvCells;
import com.example.hublinks.campaign.DeliveryLedger;
import com.example.hublinks.campaign.ExportFiles;
import com.example.hublinks.campaign.OutputDirectory;
import com.example.hublinks.catalog.CatalogRepository;
import com.example.hublinks.catalog.SkippedCourse;
import com.example.hublinks.link.LinkRepository;
import com.example.hublinks.roster.ContactWarning;
import com.example.hublinks.roster.RejectedRow;
import com.example.hublinks.roster.RosterRepository;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step {@code report}: {@code rejects.csv}, {@code report.json}, {@code report.html} ({@link ReportPage})
 * and {@code manifest.json} (each
 * file's rows and SHA-256) in the night's output folder. Runs after a published night and after
 * a guard stop, with the exit code the job ends with.
 */
public class ReportTasklet implements Tasklet {

    public static final String REJECTS = "rejects.csv";
    public static final String REPORT = "report.json";
    public static final String MANIFEST = "manifest.json";
    /** Tonight's link counts per state, kept in the job's execution context for {@code metrics.prom}. */
    public static final String STATE_COUNTS = "report.stateCounts";

    private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

    private final OutputDirectory out;
    private final RosterRepository roster;
    private final LinkRepository links;
    private final CatalogRepository catalog;
    private final DeliveryLedger deliveries;
    private final JsonMapper json;
    private final boolean guardStopped;
    private final List<Long> linkCourses;
    private final boolean dryRun;

    public ReportTasklet(OutputDirectory out, RosterRepository roster, LinkRepository links, CatalogRepository catalog,
                         DeliveryLedger deliveries, JsonMapper json, boolean guardStopped, List<Long> linkCourses) {
        this(out, roster, links, catalog, deliveries, json, guardStopped, linkCourses, false);
    }

    private ReportTasklet(OutputDirectory out, RosterRepository roster, LinkRepository links, CatalogRepository catalog,
                          DeliveryLedger deliveries, JsonMapper json, boolean guardStopped, List<Long> linkCourses,
                          boolean dryRun) {
        this.out = out;
        this.roster = roster;
        this.links = links;
        this.catalog = catalog;
        this.deliveries = deliveries;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
        this.guardStopped = guardStopped;
        this.linkCourses = linkCourses;
        this.dryRun = dryRun;
    }

    /**
     * The report of a dry run (HR's check of a roster): nothing was signed or exported; status
     * {@code DRY_RUN}, exit code 3 with the guard's reasons when the guard would stop the night.
     */
    public static ReportTasklet dryRun(OutputDirectory out, RosterRepository roster, LinkRepository links,
                                       CatalogRepository catalog, DeliveryLedger deliveries, JsonMapper json,
                                       List<Long> linkCourses) {
        return new ReportTasklet(out, roster, links, catalog, deliveries, json, false, linkCourses, true);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution self = chunkContext.getStepContext().getStepExecution();
        JobExecution jobExecution = self.getJobExecution();
        long instance = jobExecution.getJobInstance().getInstanceId();
        String job = jobExecution.getJobParameters().getString(RunParameters.JOB);
        var runDate = jobExecution.getJobParameters().getLocalDate(RunParameters.RUN_DATE);
        out.create();

        List<RejectedRow> rejects = roster.rejects(instance);
        StringBuilder csv = new StringBuilder("line,column,reason\r\n");
        rejects.forEach(r -> csv.append(CsvCells.line(String.valueOf(r.lineNo()), r.column(), r.reason())).append("\r\n"));
        out.write(REJECTS, csv.toString());

        if (!guardStopped && !dryRun) {
            // the export's files get their final names here, next to their manifest: in a listener
            // of exportCampaign a failed rename would be logged and ignored by Spring Batch
            ExportFiles.ALL.forEach(out::publish);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        Map<String, Long> exported = new LinkedHashMap<>();
        for (String name : List.of(ExportFiles.EMAIL, ExportFiles.SMS, ExportFiles.INAPP, REJECTS)) {
            if (out.file(name).toFile().isFile() && (name.equals(REJECTS) || !guardStopped)) {
                long rows = rows(jobExecution, name, rejects.size());
                manifest.put(name, Map.of("rows", rows, "sha256", out.sha256(name)));
                if (!name.equals(REJECTS)) {
                    exported.put(name.substring(0, name.indexOf('.')), rows);
                }
            }
        }
        ExportFiles.ALL.forEach(name -> exported.putIfAbsent(name.substring(0, name.indexOf('.')), 0L));

        Map<String, Long> states = links.stateCounts(job, runDate);
        // one scan of the link table per night: metrics.prom reads the same counts after the job
        jobExecution.getExecutionContext().put(STATE_COUNTS, new HashMap<>(states));
        // emails of this night's run, its restarts included: a --force of the night sends (and counts) none again
        Map<String, Long> emails = deliveries.statusCounts(job, instance);
        RunReport.Delivery delivery = new RunReport.Delivery(emails.get(DeliveryLedger.SENT),
                emails.get(DeliveryLedger.FAILED), emails.get(DeliveryLedger.PENDING), emails.get(DeliveryLedger.SENDING),
                deliveries.problems(job, instance));
        long valid = roster.learnerCount(instance);
        boolean published = !guardStopped && !dryRun;
        RunReport.Counts counts = new RunReport.Counts(valid + rejects.size(), rejects.size(),
                published ? states.get("new") : 0, published ? states.get("changed") : 0,
                published ? states.get("unchanged") : 0, published ? states.get("removed") : 0, exported,
                emails.get(DeliveryLedger.SENT));
        RunReport.CatalogInfo catalogInfo = catalog.lastRefresh()
                .map(r -> new RunReport.CatalogInfo(r.source(), r.stale(), r.refreshedAt().toString(), r.note()))
                .orElse(new RunReport.CatalogInfo("none", true, null, null));
        List<SkippedCourse> skipped = SkippedCourse.among(linkCourses, catalog);
        skipped.forEach(c -> log.warn("Course {} ({}) got no links: {}", c.courseId(), c.title(), c.reason()));
        List<String> reasons = guardStopped || dryRun ? guardReasons(jobExecution) : List.of();
        List<String> warnings = roster.warnings(instance).stream().map(ReportTasklet::describe).toList();
        String status = dryRun ? "DRY_RUN" : guardStopped ? "STOPPED_BY_GUARD" : "COMPLETED";
        RunReport report = new RunReport(job, runDate.toString(), status,
                reasons.isEmpty() ? ExitCodes.OK : ExitCodes.GUARD_STOPPED, catalogInfo, counts, steps(jobExecution, self),
                reasons, warnings, new RunReport.Courses(linkCourses, skipped), delivery);
        out.write(REPORT, json.writeValueAsString(report) + "\n");
        manifest.put(REPORT, Map.of("rows", 1, "sha256", out.sha256(REPORT)));
        out.write(ReportPage.NAME, ReportPage.render(report, rejects.subList(0, Math.min(rejects.size(),
                ReportPage.FIRST_REJECTS)), teamLabels(roster.learnersPerTeam(instance))));
        manifest.put(ReportPage.NAME, Map.of("rows", 1, "sha256", out.sha256(ReportPage.NAME)));
        out.write(MANIFEST, json.writeValueAsString(manifest) + "\n");
        log.info("Report written to {}", out.file(REPORT));
        return RepeatStatus.FINISHED;
    }

    /**
     * A file's rows as its writer counted them (kept in the job's context since the export), so
     * the report does not parse a million-row CSV again; counted from the file when not known.
     */
    private long rows(JobExecution jobExecution, String name, int rejects) {
        if (name.equals(REJECTS)) {
            return rejects;
        }
        Object written = jobExecution.getExecutionContext().get(ExportFiles.rowsKey(name));
        return written instanceof Number n ? n.longValue() : out.rows(name);
    }

    /** Team ids named as the catalog names them: "London (5)". */
    private Map<String, Long> teamLabels(Map<Long, Long> perTeam) {
        Map<Long, String> names = new java.util.HashMap<>();
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
            LocalDateTime start = step.getStartTime();
            LocalDateTime end = step.getEndTime() == null ? LocalDateTime.now() : step.getEndTime();
            double seconds = start == null ? 0 : Duration.between(start, end).toMillis() / 1000.0;
            steps.add(new RunReport.StepTiming(step.getStepName(), step.getStatus().name(), seconds));
        }
        return steps;
    }
}
