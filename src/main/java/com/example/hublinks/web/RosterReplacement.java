package com.example.hublinks.web;

import com.example.hublinks.roster.RosterAcceptances;
import com.example.hublinks.roster.RosterSettings;
import com.example.hublinks.support.JobSettings;
import com.example.hublinks.support.SettingsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Use for tonight": makes a checked upload the job's roster. The file is copied next to
 * {@code hublinks.roster.path} and renamed over it in one atomic step (a night that has the old
 * file open reads the old file to its end), the previous file is kept in {@code history/} beside
 * it, and the acceptance is audited in {@code roster_acceptance} — in one transaction with the rename.
 */
@Service
@Profile(WebProcess.SERVE_PROFILE)
class RosterReplacement {

    static final String HISTORY = "history";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(RosterReplacement.class);

    private final RosterUploads uploads;
    private final RosterAcceptances acceptances;
    private final JobSettings job;
    private final RosterSettings roster;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RosterReplacement(RosterUploads uploads, RosterAcceptances acceptances, JobSettings job, RosterSettings roster,
                      TransactionTemplate transaction, Clock clock) {
        this.uploads = uploads;
        this.acceptances = acceptances;
        this.job = job;
        this.roster = roster;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Why an upload cannot be made the roster: the answer is 404 or 409 with this message. */
    static final class Refused extends RuntimeException {
        final boolean unknown;

        Refused(String message, boolean unknown) {
            super(message);
            this.unknown = unknown;
        }
    }

    /** What "Use for tonight" did, for the page and the JSON answer. */
    record Accepted(String uploadId, String fileName, String sha256, String acceptedBy, String acceptedAt,
                    boolean acceptShrink, String rosterPath, String previousCopy, String message) {
    }

    synchronized Accepted accept(String uploadId, String user, boolean acceptShrink) {
        CheckResult check = uploads.find(uploadId).orElseThrow(() -> new Refused("no upload " + uploadId
                + " (uploads are kept for a week)", true));
        if (!check.usable() || (check.shrinkOnly() && !acceptShrink)) {
            throw new Refused(refusal(check), false);
        }
        Path upload = uploads.file(uploadId, RosterUploads.ROSTER).orElseThrow(() -> new Refused("the upload's file is gone", true));
        if (!RosterAcceptances.sha256(upload).equals(check.sha256())) {
            throw new Refused("the upload's file changed since it was checked: upload it again", false);
        }
        Path roster = rosterPath();
        Instant now = clock.instant();
        Path part = null;
        try {
            Path dir = roster.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path previous = keepPrevious(roster, now);
            part = dir.resolve("." + roster.getFileName() + "." + uploadId + ".part");
            Files.copy(upload, part, StandardCopyOption.REPLACE_EXISTING);
            if (POSIX) { // as readable as the file it replaces (the night may run as another user), else owner-only
                Files.setPosixFilePermissions(part, Files.isRegularFile(roster) ? Files.getPosixFilePermissions(roster)
                        : PosixFilePermissions.fromString("rw-------"));
            }
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                channel.force(true); // on disk before it takes the roster's name
            }
            boolean shrink = acceptShrink && check.shrinkOnly();
            Path renamed = part;
            transaction.executeWithoutResult(status -> {
                acceptances.record(new RosterAcceptances.Acceptance(job.name(), user, now, check.fileName(),
                        check.sha256(), check.counts().read(), check.counts().usable(), check.counts().rejected(),
                        check.counts().warnings(), shrink, roster.toString(), previous == null ? null : previous.toString()));
                move(renamed, roster);
            });
            log.info("Roster of {} replaced by {}: upload {} ({} rows, {} usable){}; the previous file is {}",
                    job.name(), user, uploadId, check.counts().read(), check.counts().usable(),
                    shrink ? ", its shrink confirmed" : "", previous == null ? "none" : "kept as " + previous);
            return new Accepted(uploadId, check.fileName(), check.sha256(), user, now.toString(), shrink, roster.toString(),
                    previous == null ? null : previous.toString(), check.fileName() + " is the roster of tonight's run"
                    + (shrink ? " (its shrink confirmed)" : ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the roster " + roster + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(part); // gone once renamed; left only by a failure
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    static String refusal(CheckResult check) {
        return switch (check.status()) {
            case CheckResult.REFUSED, CheckResult.FAILED -> "this upload cannot be used: " + check.message();
            case CheckResult.GUARD -> check.shrinkOnly()
                    ? "the roster shrank: confirm that it is real (acceptShrink=true) to use it tonight"
                    : "tonight's run would stop at the guard with this file: " + String.join("; ", check.guard().reasons())
                    + "; fix the file and upload it again";
            default -> "this upload cannot be used";
        };
    }

    private Path rosterPath() {
        if (roster.source() != RosterSettings.Source.CSV || roster.path() == null) {
            throw new SettingsException("hublinks.roster.path", "this job reads its roster from "
                    + (roster.source() == RosterSettings.Source.CSV ? "no file" : "HR's database")
                    + ": an upload cannot replace it");
        }
        return roster.path();
    }

    /** Copies the roster in place to {@code history/NAME-{utc stamp}.csv}; null when there is none yet. */
    private static Path keepPrevious(Path roster, Instant now) throws IOException {
        if (!Files.isRegularFile(roster)) {
            return null;
        }
        Path history = roster.toAbsolutePath().getParent().resolve(HISTORY);
        Files.createDirectories(history);
        if (POSIX) {
            Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rwx------"));
        }
        String name = roster.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        Path kept = history.resolve(stem + "-" + STAMP.format(now) + extension);
        for (int n = 2; Files.exists(kept); n++) {
            kept = history.resolve(stem + "-" + STAMP.format(now) + "-" + n + extension);
        }
        Files.copy(roster, kept, StandardCopyOption.COPY_ATTRIBUTES);
        return kept;
    }

    private static void move(Path part, Path roster) {
        try {
            Files.move(part, roster, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + part + " to " + roster, e);
        }
    }
}
