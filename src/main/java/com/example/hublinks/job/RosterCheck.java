package com.example.hublinks.job;

import com.example.hublinks.report.ReportTasklet;
import com.example.hublinks.roster.TonightsRoster;
import com.example.hublinks.support.JobSettings;
import com.example.hublinks.support.RunParameters;
import com.opencsv.CSVReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HR's dry run: reads and validates a roster against the job definition, writes rejects.csv and
 * report.json to {@code out/{job}/check/{date}/} and publishes nothing. Exit 0 when the guard would
 * let the night publish, 3 when it would stop it; the console lists the first rejected lines.
 */
@Component
public class RosterCheck {

    private static final int SHOWN_REJECTS = 20;

    private final JobOperator jobOperator;
    private final Job rosterCheckJob;
    private final JobSettings settings;
    private final TonightsRoster roster;
    private final RunDirectories directories;
    private final JsonMapper json;
    private final Clock clock;

    public RosterCheck(JobOperator jobOperator, @Qualifier("rosterCheckJob") Job rosterCheckJob,
                       JobSettings settings, TonightsRoster roster, RunDirectories directories, JsonMapper json,
                       Clock clock) {
        this.jobOperator = jobOperator;
        this.rosterCheckJob = rosterCheckJob;
        this.settings = settings;
        this.roster = roster;
        this.directories = directories;
        this.json = json;
        this.clock = clock;
    }

    public NightlyRun.Outcome run(NightlyRun.Request request) throws Exception {
        LocalDate runDate = request.date() != null ? request.date() : LocalDate.now(clock.withZone(settings.zone()));
        roster.check(request.roster());
        RunParameters parameters = new RunParameters(settings.name(), runDate, 0, request.roster(),
                request.acceptShrink());
        JobExecution execution = jobOperator.start(rosterCheckJob, parameters.toCheckParameters());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return FailedStep.outcome(execution, "dry run", "");
        }
        Path dir = directory(runDate);
        JsonNode report = json.readTree(dir.resolve(ReportTasklet.REPORT).toFile());
        return new NightlyRun.Outcome(report.get("exitCode").asInt(), summary(report, dir));
    }

    /** Where the check of {@code runDate} writes its rejects.csv and report.json. */
    public Path directory(LocalDate runDate) {
        return directories.check(runDate).path();
    }

    private String summary(JsonNode report, Path dir) throws Exception {
        long read = report.at("/counts/read").asLong();
        long rejected = report.at("/counts/rejected").asLong();
        StringBuilder text = new StringBuilder("dry run of " + settings.name() + ": " + read + " rows read, "
                + (read - rejected) + " usable, " + rejected + " rejected; nothing was published");
        List<String[]> rejects = firstRejects(dir.resolve(ReportTasklet.REJECTS));
        rejects.forEach(r -> text.append("\n  line ").append(r[0]).append(", column ").append(r[1]).append(": ")
                .append(r[2]));
        if (rejected > rejects.size()) {
            text.append("\n  … and ").append(rejected - rejects.size()).append(" more");
        }
        List<String> reasons = report.get("reasons").valueStream().map(JsonNode::asString).toList();
        text.append(reasons.isEmpty() ? "\nthe guard would let tonight's run publish this roster"
                : "\nthe guard would STOP tonight's run: " + String.join("; ", reasons));
        return text.append("\nsee ").append(dir.resolve(ReportTasklet.REJECTS)).append(" and ")
                .append(dir.resolve(ReportTasklet.REPORT)).toString();
    }

    /** The first rows of rejects.csv (line, column, reason), as HR will see them. */
    private static List<String[]> firstRejects(Path file) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (CSVReader reader = new CSVReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            reader.readNext(); // the header
            String[] row;
            while (rows.size() < SHOWN_REJECTS && (row = reader.readNext()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }
}
