package com.example.hublinks.web;

import com.example.hublinks.campaign.CampaignSettings;
import com.example.hublinks.report.ReportTasklet;
import com.example.hublinks.report.RunHistory;
import com.example.hublinks.support.JobSettings;
import com.example.hublinks.support.OutputDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The nights (roles {@code hr} and {@code ops}): {@code GET /nights} the last runs with their
 * status and counts, {@code GET /nights/{date}/report.html} a night's report and the
 * {@code rejects.csv} it links to. No other file of a night is served: the exports hold links.
 */
@Controller
@Profile(WebProcess.SERVE_PROFILE)
class NightsController {

    static final int SHOWN = 30;
    /** The night's report page, as the job's report step names it. */
    static final String REPORT_PAGE = "report.html";
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final RunHistory history;
    private final JobSettings job;
    private final CampaignSettings campaign;

    NightsController(RunHistory history, JobSettings job, CampaignSettings campaign) {
        this.history = history;
        this.job = job;
        this.campaign = campaign;
    }

    /** One row of the page. */
    record Night(String runDate, long attempt, String status, String css, String started, String seconds, long read,
                 long signed, long exported, String note, boolean hasReport) {
    }

    @GetMapping("/nights")
    ModelAndView nights() {
        List<Night> nights = history.last(job.name(), SHOWN).stream().map(this::night).toList();
        return new ModelAndView("nights").addObject("nights", nights).addObject("none", nights.isEmpty());
    }

    @GetMapping("/nights/{date}/report.html")
    ResponseEntity<Resource> report(@PathVariable String date) {
        return night(date, REPORT_PAGE).<ResponseEntity<Resource>>map(file -> ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(new FileSystemResource(file))).orElseThrow(UploadController.NotFound::new);
    }

    @GetMapping("/nights/{date}/rejects.csv")
    ResponseEntity<Resource> rejects(@PathVariable String date) {
        return UploadController.csv(night(date, ReportTasklet.REJECTS), "rejects-" + date + ".csv");
    }

    /** A file of the night's folder; the date must be a date (no path can be smuggled in). */
    private Optional<Path> night(String date, String name) {
        try {
            Path file = new OutputDirectory(campaign.outDir(), job.name(), LocalDate.parse(date)).file(name);
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Night night(RunHistory.Run run) {
        String status = run.guardStopped() ? "STOPPED BY GUARD" : run.status();
        String css = run.guardStopped() ? "stop" : "COMPLETED".equals(run.status()) ? "ok" : "fail";
        String note = run.guardStopped() ? "stopped by the guard"
                : run.failedStep() != null && !"COMPLETED".equals(run.status()) ? "failed in " + run.failedStep() : "";
        return new Night(run.runDate(), run.attempt(), status, css, run.started() == null ? "" : STARTED.format(run.started()),
                String.format(Locale.ROOT, "%.1f", run.seconds()), run.read(), run.signed(), run.exported(), note,
                night(run.runDate(), REPORT_PAGE).isPresent());
    }
}
