package com.example.hublinks.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table {@code roster_acceptance}: the audit of rosters HR made the job's roster in the browser
 * ({@code hublinks serve}): who, when, the file's name and SHA-256, its check's counts, and whether
 * they confirmed a shrink — which the night then accepts for that exact file, as {@code --accept-shrink}.
 */
@Repository
public class RosterAcceptances {

    private final JdbcTemplate jdbc;

    public RosterAcceptances(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One acceptance; {@code previousCopy} is where the file it replaced was kept (null when there was none). */
    public record Acceptance(String job, String acceptedBy, Instant acceptedAt, String fileName, String sha256,
                             long read, long usable, long rejected, long warnings, boolean acceptShrink,
                             String rosterPath, String previousCopy) {
    }

    public void record(Acceptance a) {
        jdbc.update("insert into roster_acceptance (job_name, accepted_by, accepted_at, file_name, sha256, rows_read,"
                        + " rows_usable, rows_rejected, warnings, accept_shrink, roster_path, previous_copy)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.job(), a.acceptedBy(),
                Timestamp.from(a.acceptedAt()), a.fileName(), a.sha256(), a.read(), a.usable(), a.rejected(),
                a.warnings(), a.acceptShrink(), a.rosterPath(), a.previousCopy());
    }

    /** The job's acceptances, newest first. */
    public List<Acceptance> last(String job, int limit) {
        return jdbc.query("select * from roster_acceptance where job_name = ? order by accepted_at desc, acceptance_id desc"
                        + " fetch first " + limit + " rows only",
                (rs, i) -> new Acceptance(rs.getString("job_name"), rs.getString("accepted_by"),
                        rs.getTimestamp("accepted_at").toInstant(), rs.getString("file_name"), rs.getString("sha256"),
                        rs.getLong("rows_read"), rs.getLong("rows_usable"), rs.getLong("rows_rejected"),
                        rs.getLong("warnings"), rs.getBoolean("accept_shrink"), rs.getString("roster_path"),
                        rs.getString("previous_copy")), job);
    }

    /**
     * HR's latest acceptance for the job when it confirmed a shrink and {@code roster} is still that
     * very file (same SHA-256): tonight's guard then lets that file's shrink through, and only that file's.
     */
    public Optional<Acceptance> shrinkAcceptedFor(String job, Path roster) {
        return last(job, 1).stream().filter(Acceptance::acceptShrink)
                .filter(a -> Files.isRegularFile(roster) && a.sha256().equals(sha256(roster))).findFirst();
    }

    /** Lower-case hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
