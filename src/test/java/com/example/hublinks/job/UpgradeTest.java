package com.example.hublinks.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.cli.HublinksCommand;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An installation upgraded in place: a database that the previous release wrote (schema V8, two
 * nights of the sample job: see {@code src/test/resources/upgrade/v8-h2/README.md}) is migrated by
 * Flyway when today's release first starts on it, and its first night on the same roster finds
 * every learner unchanged, tells nobody anything, keeps every link's history and exports for
 * {@code audience: all} exactly what the previous release exported.
 */
class UpgradeTest {

    static final Path FIXTURE = Path.of("src/test/resources/upgrade/v8-h2");

    @TempDir
    Path home;

    String url() {
        return "jdbc:h2:file:" + home.resolve("db/hublinks") + ";AUTO_SERVER=TRUE";
    }

    int night(String date, String... settings) {
        List<String> args = new ArrayList<>(List.of("run", "jobs/sample-nightly.yml", "--date", date, "--roster",
                FIXTURE.resolve("roster.csv").toString(), "--spring.datasource.url=" + url(),
                "--hublinks.campaign.out-dir=" + home.resolve("out")));
        args.addAll(List.of(settings));
        StringWriter err = new StringWriter();
        int code = HublinksCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                args.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
        return code;
    }

    static String latestMigration(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select \"version\" from \"flyway_schema_history\" order by \"installed_rank\" desc"
                + " fetch first 1 rows only", String.class);
    }

    Map<String, String> linkHistory(JdbcTemplate jdbc) {
        Map<String, String> history = new TreeMap<>();
        jdbc.query("select * from learner_link", rs -> {
            history.put(rs.getString("external_user_id") + "/" + rs.getString("kind"), rs.getString("url") + " "
                    + rs.getString("state") + " " + rs.getDate("first_issued") + " " + rs.getDate("last_changed")
                    + " " + rs.getDate("removed_on"));
        });
        return history;
    }

    @Test
    void theFirstNightAfterTheUpgradeFindsEveryLearnerUnchangedAndTellsNobody() throws Exception {
        Files.createDirectories(home.resolve("db"));
        Files.copy(FIXTURE.resolve("hublinks.mv.db"), home.resolve("db/hublinks.mv.db"));
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url(), "sa", ""));
        assertThat(latestMigration(jdbc)).isEqualTo("8");
        Map<String, String> before = linkHistory(jdbc);
        jdbc.update("insert into delivery (job_name, external_user_id, link_hash, email, run_date, job_instance_id, status,"
                + " attempts, first_attempt_at, last_attempt_at, sent_at) values ('sample-nightly', 'E1001', ?,"
                + " 'amelia.smith@example.com', date '2026-01-10', 1, 'sent', 1, timestamp '2026-01-10 02:00:00',"
                + " timestamp '2026-01-10 02:00:00', timestamp '2026-01-10 02:00:00')", "0".repeat(64)); // a V8 ledger row
        assertThat(before).hasSize(51); // 50 live links, E1003's removed one
        long nights = jdbc.queryForObject("select count(*) from batch_job_instance", Long.class);

        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            night("2026-01-12", "--hublinks.campaign.email.send=true", "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + port);
            assertThat(smtp.getReceivedMessages()).as("nobody is sent a link they already have").isEmpty();
        } finally {
            smtp.stop();
        }
        Path night = home.resolve("out/sample-nightly/2026-01-12");
        JsonNode counts = JsonMapper.builder().build().readTree(night.resolve("report.json").toFile()).get("counts");
        assertThat(counts.get("unchanged").asLong()).isEqualTo(50);
        assertThat(counts.get("new").asLong() + counts.get("changed").asLong() + counts.get("removed").asLong()).isZero();
        assertThat(Files.readAllLines(night.resolve("email.csv"))).hasSize(1);
        assertThat(linkHistory(jdbc)).isEqualTo(before);
        assertThat(latestMigration(jdbc)).isEqualTo("13"); // V11: serve's (issue 13); V12: the reminders' (issue 14); V13: Spring Batch's tables
        assertThat(jdbc.queryForObject("select count(*) from batch_job_instance", Long.class))
                .as("V13 leaves the Spring Batch tables of the previous release as they were").isEqualTo(nights + 1);
        assertThat(jdbc.queryForList("select message from delivery", String.class)).as("the ledger's rows are the campaign's")
                .containsExactly("link");
        assertThat(jdbc.queryForObject("select count(*) from learner where removed_on is null and fingerprint is not null",
                Long.class)).isEqualTo(50);

        // the next night compares with what the first one stored: nothing is validated or signed again; it reminds too
        night("2026-01-13", "--hublinks.campaign.audience=all", "--hublinks.reminders.courses=123",
                "--hublinks.reminders.due=2026-02-01");
        Path all = home.resolve("out/sample-nightly/2026-01-13");
        for (String file : List.of("email.csv", "sms.csv", "inapp.jsonl", "rejects.csv")) {
            assertThat(Files.readAllBytes(all.resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(FIXTURE.resolve("expected").resolve(file)));
        }
        assertThat(jdbc.queryForObject("select write_count from batch_step_execution where step_name = 'importRoster'"
                + " order by step_execution_id desc fetch first 1 rows only", Long.class)).as("staged").isZero();
        assertThat(linkHistory(jdbc)).isEqualTo(before);
        assertThat(Files.readAllLines(all.resolve("reminders-email.csv")).size()).isGreaterThan(1);
    }

    /**
     * A database that a build with V12 and Spring Batch's own DDL script made (spring.batch.jdbc.
     * initialize-schema: always, before V13 took the BATCH_* tables over) migrates to V13 as it is.
     */
    @Test
    void aDatabaseWhoseBatchTablesSpringBatchMadeIsTakenOverAsItIs() throws Exception {
        DriverManagerDataSource db = new DriverManagerDataSource(url(), "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("12").load().migrate();
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql")).execute(db);
        JdbcTemplate jdbc = new JdbcTemplate(db);
        assertThat(latestMigration(jdbc)).isEqualTo("12");

        night("2026-01-12");
        assertThat(latestMigration(jdbc)).isEqualTo("13");
        assertThat(jdbc.queryForObject("select status from batch_job_execution", String.class)).isEqualTo("COMPLETED");
    }
}
