package com.example.hublinks.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.cli.HublinksCommand;
import com.example.hublinks.support.ExitCodes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Issue 12, the general rule: the database goes away in the middle of signLinks — PostgreSQL
 * stopped under a running night, in a child JVM — and comes back. Whatever state the failed
 * chunk left the night in (FAILED, or UNKNOWN when the failure hit a commit, or STARTED when
 * nothing could be saved at all), the same command resumes it, and the links and files are
 * those of a night the database never left.
 */
class DatabaseGoneTest {

    static final int LEARNERS = 2_000;
    static final String DATE = "2026-02-06";
    static final List<String> FILES = List.of("email.csv", "sms.csv", "inapp.jsonl", "rejects.csv");

    @TempDir
    static Path tmp;
    static Path roster;
    static int port;
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        postgres = start();
        JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
        admin.execute("create database calm_night");
        admin.execute("create database gone_night");
        admin.execute("create database refused_night");
        roster = tmp.resolve("roster.csv");
        assertThat(HublinksCommand.execute("generate-roster", "--rows", String.valueOf(LEARNERS), "--out",
                roster.toString(), "--seed", "6")).isZero();
    }

    /** PostgreSQL on the same data directory and port each time: stopped and started again, it is the same server. */
    static EmbeddedPostgres start() throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(tmp.resolve("pgdata")).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void postgresStoppedInTheMiddleOfSignLinksThenStartedAgainTheSameCommandResumes() throws Exception {
        Path calm = Files.createDirectories(tmp.resolve("calm"));
        Result baseline = inThisJvm(calm, "calm_night");
        assertThat(baseline.exitCode()).as(baseline.err()).isZero();

        Path home = Files.createDirectories(tmp.resolve("gone"));
        ChildRun night = ChildRun.launch(home, "night", "run", settings(home, "gone_night"));
        assertThat(night.awaitLines(line -> line.contains(" signLinksPartition:partition0: "), 3)).as(night.log()).isTrue();
        postgres.close(); // the database goes away under the running step
        postgres = null;
        assertThat(night.waitForExit()).as(night.log()).isEqualTo(ExitCodes.FAILED);
        assertThat(night.log()).contains("hublinks: sample-nightly " + DATE + " failed in step signLinks: the database"
                + " connection was lost (").contains("; run the same command again to resume");

        postgres = start();
        Result resumed = inThisJvm(home, "gone_night"); // the same command, once the database is back
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();

        JdbcTemplate gone = database("gone_night");
        assertThat(gone.queryForObject("select count(*) from batch_job_instance", Long.class)).isEqualTo(1);
        assertThat(gone.queryForObject("select count(*) from batch_job_execution", Long.class)).isEqualTo(2);
        assertThat(RemotePartitioningLinks.of(gone)).hasSizeGreaterThan(LEARNERS * 9 / 10)
                .isEqualTo(RemotePartitioningLinks.of(database("calm_night")));
        Path folder = Path.of("out", "sample-nightly", DATE);
        for (String file : FILES) {
            assertThat(Files.readAllBytes(home.resolve(folder).resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(calm.resolve(folder).resolve(file)));
        }
    }

    @Test
    void aCommitTheDatabaseRefusesLeavesSignLinksUnknownAndTheSameCommandResumesIt() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("refused"));
        JdbcTemplate db = database("refused_night");
        // a first run creates the schema; its night is then forgotten, so that the next one is night 1 again
        assertThat(inThisJvm(home, "refused_night").exitCode()).isZero();
        db.execute("truncate batch_job_instance, learner_link, learner, roster_import cascade");
        // the database refuses the commit of the chunk holding the last learners (a constraint checked at
        // commit): Spring Batch cannot save the partition's state after a failed commit and leaves it UNKNOWN
        db.execute("create table known_learner (id varchar(255) primary key)");
        db.execute("insert into known_learner select 'E' || lpad(g::text, 7, '0') from generate_series(1, "
                + (LEARNERS - 10) + ") g");
        db.execute("alter table learner_link add constraint refused_at_commit foreign key (external_user_id)"
                + " references known_learner (id) deferrable initially deferred");

        Result refused = inThisJvm(home, "refused_night");
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).contains("failed in step signLinks: ").contains("refused_at_commit")
                .contains("run the same command again to resume");
        assertThat(db.queryForObject("select count(*) from batch_job_execution where status = 'UNKNOWN'"
                + " or exit_code = 'UNKNOWN'", Long.class)).as("what Spring Batch made of it").isEqualTo(1);

        db.execute("alter table learner_link drop constraint refused_at_commit");
        Result resumed = inThisJvm(home, "refused_night");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(db.queryForObject("select count(*) from batch_job_instance", Long.class)).isEqualTo(1);
        assertThat(db.queryForObject("select count(*) from learner_link", Long.class))
                .isEqualTo(db.queryForObject("select count(*) from learner", Long.class));
    }

    record Result(int exitCode, String err) {
    }

    static Result inThisJvm(Path home, String database) {
        List<String> line = new ArrayList<>(List.of("run", "jobs/sample-nightly.yml"));
        line.addAll(settings(home, database));
        StringWriter err = new StringWriter();
        int code = HublinksCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                line.toArray(String[]::new));
        return new Result(code, err.toString());
    }

    static List<String> settings(Path home, String database) {
        // small chunks and a progress line per chunk: many commits to stop the database between; a short
        // connection timeout so that the night gives up soon once the database is gone
        return List.of("--date", DATE, "--roster", roster.toString(), "--hublinks.job.chunk-size=10",
                "--hublinks.ops.progress-every=0s", "--hublinks.scale.partitions=2",
                "--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/" + database,
                "--spring.datasource.username=postgres", "--spring.datasource.hikari.connection-timeout=1000",
                "--hublinks.campaign.out-dir=" + home.resolve("out"),
                "--hublinks.links.secret-env=HUBLINKS_TEST_UNSET_VARIABLE"); // the sample's demo secret file
    }

    static JdbcTemplate database(String name) {
        return new JdbcTemplate(new SingleConnectionDataSource("jdbc:postgresql://localhost:" + port + "/" + name,
                "postgres", "", true));
    }
}
