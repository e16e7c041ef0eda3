package com.example.hublinks.web;

import com.example.hublinks.campaign.CampaignSettings;
import com.example.hublinks.job.NightlyRun;
import com.example.hublinks.job.RosterCheck;
import com.example.hublinks.report.ReportTasklet;
import com.example.hublinks.report.RunHistory;
import com.example.hublinks.roster.LearnerRepository;
import com.example.hublinks.support.JobSettings;
import com.example.hublinks.support.OutputDirectory;
import com.example.hublinks.support.SettingsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HR's uploads: each file is kept as received in its own owner-only folder,
 * {@code out/{job}/uploads/{uploadId}/roster.csv}, and checked exactly as {@code run --dry-run}
 * checks it ({@link RosterCheck}): its rejects.csv and report.json are kept beside it, with the
 * {@link CheckResult} the page and the JSON answer show. Uploads older than a week are forgotten.
 */
@Service
@Profile(WebProcess.SERVE_PROFILE)
class RosterUploads {

    static final String ROSTER = "roster.csv";
    static final String CHECK = "check.json";
    private static final Duration KEPT = Duration.ofDays(7);
    private static final int SHOWN_WARNINGS = 20;
    private static final Logger log = LoggerFactory.getLogger(RosterUploads.class);

    private final RosterCheck rosterCheck;
    private final JobSettings job;
    private final CampaignSettings campaign;
    private final RunHistory history;
    private final LearnerRepository learners;
    private final JsonMapper json;
    private final Clock clock;
    /** Checks share the dry run's folder of the day ({@code out/{job}/check/{date}/}): one at a time. */
    private final ReentrantLock checking = new ReentrantLock(true);

    RosterUploads(RosterCheck rosterCheck, JobSettings job, CampaignSettings campaign, RunHistory history,
                  LearnerRepository learners, JsonMapper json, Clock clock) {
        this.rosterCheck = rosterCheck;
        this.job = job;
        this.campaign = campaign;
        this.history = history;
        this.learners = learners;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps the upload and checks it; the result is kept too, for the page and for "Use for tonight". */
    CheckResult check(String fileName, InputStream content) throws Exception {
        forgetOldUploads();
        String uploadId = UUID.randomUUID().toString();
        OutputDirectory folder = folder(uploadId).create();
        String sha256 = store(content, folder);
        CheckResult result;
        checking.lock();
        try {
            result = check(uploadId, fileName, sha256, folder);
        } finally {
            checking.unlock();
        }
        folder.write(CHECK, json.writeValueAsString(result));
        log.info("Upload {} ({} rows, {} rejected) checked: {}", uploadId, result.counts().read(),
                result.counts().rejected(), result.status());
        return result;
    }

    Optional<CheckResult> find(String uploadId) {
        if (!isUploadId(uploadId) || !Files.isRegularFile(folder(uploadId).file(CHECK))) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(folder(uploadId).file(CHECK).toFile(), CheckResult.class));
    }

    /** A kept file of an upload ({@code roster.csv}, {@code rejects.csv}), if there is one. */
    Optional<Path> file(String uploadId, String name) {
        Path file = isUploadId(uploadId) ? folder(uploadId).file(name) : null;
        return file != null && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private CheckResult check(String uploadId, String fileName, String sha256, OutputDirectory folder) throws Exception {
        Path roster = folder.file(ROSTER);
        LocalDate today = LocalDate.now(clock.withZone(job.zone()));
        NightlyRun.Outcome outcome;
        try {
            outcome = rosterCheck.run(new NightlyRun.Request(today, roster.toString(), false, false));
        } catch (SettingsException e) {
            outcome = new NightlyRun.Outcome(2, e.getMessage());
        }
        String checkedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        if (outcome.exitCode() != 0 && outcome.exitCode() != 3) {
            String message = outcome.message().replace(roster.toString(), fileName);
            boolean theFile = outcome.exitCode() == 2 && message.startsWith("hublinks.roster.");
            if (theFile) {
                message = message.substring(message.indexOf(": ") + 2); // the advice, without the setting's name
            }
            return new CheckResult(uploadId, fileName, sha256, theFile ? CheckResult.REFUSED : CheckResult.FAILED,
                    theFile ? 2 : 1, CheckResult.Counts.NONE, List.of(), new CheckResult.Guard(false, List.of(),
                    lastPublished()), message, List.of(), checkedAt);
        }
        Path checked = rosterCheck.directory(today);
        for (String name : List.of(ReportTasklet.REJECTS, ReportTasklet.REPORT)) {
            Files.copy(checked.resolve(name), folder.file(name), StandardCopyOption.REPLACE_EXISTING);
        }
        JsonNode report = json.readTree(folder.file(ReportTasklet.REPORT).toFile());
        long read = report.at("/counts/read").asLong();
        long rejected = report.at("/counts/rejected").asLong();
        List<String> warnings = report.path("warnings").valueStream().map(JsonNode::asString).toList();
        List<String> reasons = report.path("reasons").valueStream().map(JsonNode::asString).toList();
        boolean publishes = report.path("exitCode").asInt() == 0;
        String message = (publishes ? "the guard would let tonight's run publish this roster"
                : "the guard would STOP tonight's run: " + String.join("; ", reasons));
        return new CheckResult(uploadId, fileName, sha256, publishes ? CheckResult.OK : CheckResult.GUARD,
                publishes ? 0 : 3, new CheckResult.Counts(read, read - rejected, rejected, warnings.size()),
                RejectGroups.of(report, folder.file(ReportTasklet.REJECTS)),
                new CheckResult.Guard(publishes, reasons, lastPublished()), message,
                warnings.subList(0, Math.min(warnings.size(), SHOWN_WARNINGS)), checkedAt);
    }

    /** The night the guard compares with: the last one that published, and the learners it left live. */
    private CheckResult.LastPublished lastPublished() {
        String job = this.job.name();
        return history.last(job, 100).stream()
                .filter(run -> "COMPLETED".equals(run.status()) && !run.guardStopped()).findFirst()
                .map(run -> new CheckResult.LastPublished(run.runDate(), learners.liveCount(job))).orElse(null);
    }

    /** Streams the upload into its owner-only folder, renamed when complete (then owner-readable only); returns its SHA-256. */
    private static String store(InputStream content, OutputDirectory folder) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(content, sha256);
             OutputStream out = Files.newOutputStream(folder.part(ROSTER))) {
            in.transferTo(out);
        }
        folder.publish(ROSTER);
        return HexFormat.of().formatHex(sha256.digest());
    }

    private OutputDirectory folder(String uploadId) {
        return new OutputDirectory(uploads().resolve(uploadId));
    }

    Path uploads() {
        return campaign.outDir().resolve(job.name()).resolve("uploads");
    }

    static boolean isUploadId(String id) {
        return id != null && id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    private void forgetOldUploads() {
        Path root = uploads();
        if (!Files.isDirectory(root)) {
            return;
        }
        Instant before = clock.instant().minus(KEPT);
        try (Stream<Path> folders = Files.list(root)) {
            folders.filter(dir -> isUploadId(dir.getFileName().toString())).filter(dir -> olderThan(dir, before))
                    .forEach(RosterUploads::delete);
        } catch (IOException e) {
            log.warn("Old uploads in {} could not be listed: {}", root, e.getMessage());
        }
    }

    private static boolean olderThan(Path dir, Instant before) {
        try {
            return Files.getLastModifiedTime(dir).toInstant().isBefore(before);
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
