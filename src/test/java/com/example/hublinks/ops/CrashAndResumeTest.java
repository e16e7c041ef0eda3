package com.example.hublinks.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.TestDatabase;
import com.example.hublinks.TestFiles;
import com.example.hublinks.cli.HublinksCommand;
import com.example.hublinks.support.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ops' promise: {@code kill -9} at any moment, then the same command again, and the night ends as
 * if nothing had happened. The application runs as a child process on a generated roster, is
 * killed in the middle of importRoster (which starts again from the top of the file), killed in
 * the middle of signLinks, loses its lock in the middle of exportCampaign (and ends itself), and
 * then finishes; its links, stored learners and files are compared byte for byte with an
 * uninterrupted run. While a run is in progress, a second run of the same job is refused with
 * exit 4 and touches nothing.
 */
class CrashAndResumeTest {

    static final int LEARNERS = 20_000; // enough that each step runs for seconds: the test acts while one is in progress
    static final String DATE = "2026-02-02";
    static final List<String> FILES = List.of("email.csv", "sms.csv", "inapp.jsonl", "rejects.csv");

    @TempDir
    static Path tmp;
    static Path roster;

    @BeforeAll
    static void generateRoster() throws Exception {
        roster = tmp.resolve("roster.csv");
        StringBuilder csv = new StringBuilder("employee_id,first_name,last_name,email,mobile,team\r\n");
        String[] teams = {"London", "Manchester", "5", "6"};
        for (int i = 0; i < LEARNERS; i++) {
            csv.append(String.format("G%06d,First%d,Last%d,learner%d@example.com,+44 7958 %06d,%s\r\n", i, i, i, i,
                    i, teams[i % teams.length]));
        }
        csv.append("G000007,Dup,Licate,dup@example.com,,London\r\n"); // one reject, so rejects.csv has a row
        Files.writeString(roster, csv, StandardCharsets.UTF_8);
    }

    static String[] args() {
        // small chunks and a progress line per chunk: many commits to be killed between, and a log to watch
        return new String[] {"--date", DATE, "--roster", roster.toString(), "--hublinks.job.chunk-size=50",
                "--hublinks.ops.progress-every=0s", "--hublinks.scale.partitions=1",
                "--hublinks.ops.heartbeat=200ms",
                "--hublinks.links.secret-env=HUBLINKS_TEST_UNSET_VARIABLE"}; // the sample's demo secret file
    }

    @Test
    void killedMidStepThenRerunEndsByteIdenticalToAnUninterruptedRun() throws Exception {
        Path calm = Files.createDirectories(tmp.resolve("uninterrupted"));
        Result baseline = hublinks(calm);
        assertThat(baseline.exitCode()).as(baseline.err()).isZero();

        Path crashy = Files.createDirectories(tmp.resolve("crashed"));
        // killed while it reads the roster: the import starts again from the top of the file
        ChildRun zeroth = ChildRun.start(crashy, "run0", args());
        assertThat(zeroth.awaitLines(line -> line.contains(" importRoster: "), 20)).as(zeroth.log()).isTrue();
        zeroth.kill();
        ChildRun first = ChildRun.start(crashy, "run1", args());
        assertThat(first.awaitLines(line -> line.contains(" importRoster: "), 20)).as(first.log()).isTrue();

        // meanwhile the same job again, from another process: refused, nothing touched
        long executionsBefore = count(crashy, "select count(*) from batch_job_execution");
        Result overlap = hublinks(crashy);
        assertThat(overlap.exitCode()).as(overlap.err()).isEqualTo(ExitCodes.LOCKED);
        assertThat(overlap.err()).contains("another run of sample-nightly is in progress").contains("nothing was touched");
        assertThat(count(crashy, "select count(*) from batch_job_execution")).isEqualTo(executionsBefore);
        assertThat(first.process().isAlive()).as("the first run was still running").isTrue();

        assertThat(first.awaitLines(line -> line.contains(" signLinksPartition:"), 20)).as(first.log()).isTrue();
        first.kill();
        ChildRun second = ChildRun.start(crashy, "run2", args());
        assertThat(second.awaitLines(line -> line.contains(" exportCampaign: "), 20)).as(second.log()).isTrue();
        // the second run stalls past its lease, say, and another process takes its lock over (one of
        // this host that has ended since): at its next heartbeat it ends itself at once, as kill -9 would
        execute(crashy, "update run_lock set owner = '" + RunLockTest.deadOwner() + "'");
        assertThat(second.waitForExit()).isEqualTo(ExitCodes.FAILED);
        assertThat(second.log()).contains("ending this run, the other one resumes it");

        ChildRun third = ChildRun.start(crashy, "run3", args());
        assertThat(third.waitForExit()).as(third.log()).isZero();

        // the killed runs were resumed from their last commit, not redone from scratch
        assertThat(second.log()).contains("was left running by a process that ended").contains("Resuming")
                .contains(": resuming after");
        assertThat(third.log()).contains("exportCampaign: resuming after");
        assertThat(count(crashy, "select count(*) from batch_job_instance")).isEqualTo(1);
        assertThat(count(crashy, "select count(*) from batch_job_execution")).isEqualTo(4);

        assertThat(links(crashy)).hasSize(LEARNERS).isEqualTo(links(calm));
        assertThat(learners(crashy)).hasSize(LEARNERS).isEqualTo(learners(calm));
        assertThat(TestDatabase.deltaTables(new org.springframework.jdbc.core.JdbcTemplate(
                new org.springframework.jdbc.datasource.DriverManagerDataSource(ChildRun.jdbcUrl(crashy), "sa", ""))))
                .as("every delta dropped").isEmpty();
        Path night = Path.of("out", "sample-nightly", DATE);
        for (String file : FILES) {
            assertThat(Files.readAllBytes(crashy.resolve(night).resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(calm.resolve(night).resolve(file)));
        }
        assertThat(TestFiles.lines(calm.resolve(night).resolve("email.csv"))).hasSize(LEARNERS + 1);

        // status tells the story: the night, killed twice, completed by its third execution
        StringWriter status = new StringWriter();
        List<String> statusCommand = new ArrayList<>(List.of("status", "jobs/sample-nightly.yml", "--json"));
        statusCommand.addAll(ChildRun.settings(crashy));
        assertThat(HublinksCommand.execute(new PrintWriter(status), new PrintWriter(new StringWriter()),
                statusCommand.toArray(String[]::new))).isZero();
        JsonNode runs = JsonMapper.builder().build().readTree(status.toString());
        assertThat(runs).hasSize(4);
        assertThat(runs.get(0).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(runs.get(0).get("runDate").asString()).isEqualTo(DATE);
        assertThat(runs.get(0).get("exported").asLong()).isPositive();
        assertThat(runs.get(1).get("status").asString()).isEqualTo("FAILED");
        assertThat(runs.get(1).get("failedStep").asString()).isEqualTo("exportCampaign");
        assertThat(runs.get(2).get("failedStep").asString()).isEqualTo("signLinks");
        assertThat(runs.get(3).get("failedStep").asString()).isEqualTo("importRoster");

        // logs name learners by id at most: never a link (a link is a login), never the secret
        for (ChildRun run : List.of(zeroth, first, second, third)) {
            assertThat(run.log()).doesNotContain("sig=").doesNotContain(TestFiles.DEMO_SECRET)
                    .doesNotContain("https://learn.edume.com/e/");
        }
        assertThat(first.log()).containsPattern("signLinksPartition:partition0: [\\d,]+ of [\\d,]+ items done \\(\\d+%\\), [\\d,]+ items/s, ETA");
        assertThat(third.log()).contains("step                 status");
    }

    record Result(int exitCode, String err) {
    }

    /** The same command in this JVM (quicker than a child), against the installation in {@code home}. */
    static Result hublinks(Path home) {
        List<String> command = new ArrayList<>(List.of("run", "jobs/sample-nightly.yml"));
        command.addAll(List.of(args()));
        command.addAll(ChildRun.settings(home));
        StringWriter err = new StringWriter();
        int code = HublinksCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                command.toArray(String[]::new));
        return new Result(code, err.toString());
    }

    static void execute(Path home, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(ChildRun.jdbcUrl(home), "sa", "");
             Statement statement = db.createStatement()) {
            assertThat(statement.executeUpdate(sql)).isEqualTo(1);
        }
    }

    static long count(Path home, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(ChildRun.jdbcUrl(home), "sa", "");
             Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The stored learners, with what the next night compares with. */
    static List<String> learners(Path home) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(ChildRun.jdbcUrl(home), "sa", "");
             Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("select * from learner order by job_name, external_user_id")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static List<String> links(Path home) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(ChildRun.jdbcUrl(home), "sa", "");
             Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("select job_name, external_user_id, kind, target_id, url, state,"
                     + " first_issued, last_changed, removed_on from learner_link order by external_user_id, kind, target_id")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 9; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
