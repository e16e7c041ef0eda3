package com.example.hublinks.job;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.TestDatabase;
import com.example.hublinks.TestFiles;
import com.example.hublinks.support.ExitCodes;
import com.example.hublinks.support.RunParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The nightly job end to end on the sample data and the embedded H2 database ({@link NightlyJobPostgresTest}: PostgreSQL). */
@SpringBatchTest
@SpringBootTest(classes = HublinksApplication.class, properties = {
        "spring.config.additional-location=file:jobs/sample-nightly.yml",
        "spring.datasource.url=jdbc:h2:mem:nightly-job-test;DB_CLOSE_DELAY=-1",
        "hublinks.campaign.out-dir=target/test-out/nightly-job-test"})
class NightlyJobTest {

    @Value("${hublinks.campaign.out-dir}")
    Path outDir;
    Path nights;

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    JobRepositoryTestUtils jobRepository;
    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    @BeforeEach
    void cleanSlate() {
        nights = outDir.resolve("sample-nightly");
        TestDatabase.forgetAllNights(jobRepository, jdbc);
        TestFiles.deleteRecursively(nights);
    }

    @Test
    void firstNightSignsAndExportsALinkForEveryValidLearner() throws Exception {
        JobExecution execution = jobs.startJob(new RunParameters("sample-nightly", LocalDate.of(2026, 1, 15), 0, null,
                false).toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // 51 data rows, one a duplicate id: 50 learners, all new
        assertThat(jdbc.queryForList("select state from learner_link where job_name = 'sample-nightly'", String.class))
                .hasSize(50).containsOnly("new");
        assertThat(jdbc.queryForObject("select url from learner_link where external_user_id = 'E1002'", String.class))
                .startsWith("https://learn.edume.com/e/d/?g=5&e=E1002&sig="); // "London" resolved by catalog name

        Path night = nights.resolve("2026-01-15");
        List<Map<String, String>> emails = csv(night.resolve("email.csv"));
        assertThat(emails).hasSize(48); // E1004 and E1018 have no email
        assertThat(emails).allSatisfy(row -> assertThat(TestFiles.signatureHolds(row.get("link"), TestFiles.DEMO_SECRET))
                .as(row.get("link")).isTrue());
        assertThat(emails).filteredOn(row -> row.get("external_user_id").equals("E1006"))
                .singleElement().extracting(row -> row.get("email")).isEqualTo("noah.wilson@example.com"); // first wins
        assertThat(emails).filteredOn(row -> row.get("external_user_id").equals("E1021"))
                .singleElement().extracting(row -> row.get("last_name")).isEqualTo("Smith, Jr.");

        List<Map<String, String>> sms = csv(night.resolve("sms.csv"));
        assertThat(sms).hasSize(48); // E1010 has no phone, E1013's is mistyped
        assertThat(sms).allSatisfy(row -> assertThat(row.get("phone_number")).matches("\\+[1-9]\\d{7,14}"));
        Map<String, String> encodings = new HashMap<>();
        sms.forEach(row -> encodings.put(row.get("external_user_id"), row.get("encoding")));
        assertThat(encodings).containsEntry("E1001", "GSM-7") // "Hi Amelia, …"
                .containsEntry("E1011", "UCS-2");             // "Hi Zoë, …": ë is not in the GSM alphabet
        assertThat(sms).extracting(row -> row.get("external_user_id")).doesNotContain("E1010", "E1013");
        assertThat(TestFiles.lines(night.resolve("inapp.jsonl"))).hasSize(50);

        assertThat(TestFiles.read(night.resolve("rejects.csv")))
                .contains("32,employee_id,duplicate external user id 'E1006': line 7 has it first");

        JsonNode report = json.readTree(night.resolve("report.json").toFile());
        assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(report.get("exitCode").asInt()).isZero();
        assertThat(report.at("/counts/read").asLong()).isEqualTo(51);
        assertThat(report.at("/counts/rejected").asLong()).isEqualTo(1);
        assertThat(report.at("/counts/new").asLong()).isEqualTo(50);
        assertThat(report.at("/counts/exported/email").asLong()).isEqualTo(48);
        assertThat(report.at("/catalog/source").asString()).isEqualTo("file");
        assertThat(report.get("warnings").toString()).contains("E1013");
        assertThat(report.has("reminders")).as("no mandatory courses: no reminders").isFalse();
        assertThat(night.resolve("reminders-email.csv")).doesNotExist();

        String page = TestFiles.read(night.resolve("report.html"));
        assertThat(page).startsWith("<!DOCTYPE html>").contains("COMPLETED").contains("<svg")
                .contains("<a href=\"rejects.csv\">").contains("duplicate external user id &#39;E1006&#39;")
                .contains("London (5)").contains("signLinks")
                .doesNotContain("sig=").doesNotContain("<script").doesNotContain("src=").doesNotContain("http://")
                .doesNotContain("https://");
        String metrics = TestFiles.read(night.resolve("metrics.prom"));
        assertThat(metrics).contains("hublinks_links{state=\"new\"} 50.0").contains("hublinks_roster_rejects 1.0")
                .contains("spring_batch_step_seconds_count").contains("step_name=\"signLinks\"");

        JsonNode manifest = json.readTree(night.resolve("manifest.json").toFile());
        assertThat(manifest.at("/email.csv/rows").asLong()).isEqualTo(48);
        assertThat(manifest.at("/email.csv/sha256").asString()).hasSize(64);
        assertThat(Files.getPosixFilePermissions(night.resolve("email.csv"))) // a HashSet: its order varies between JVMs
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void theSameDateTwiceIsANoOpAndForceRunsItAfresh() throws Exception {
        LocalDate day = LocalDate.of(2026, 1, 15);
        NightlyRun.Outcome first = nightlyRun.run(new NightlyRun.Request(day, null, false, false));
        assertThat(first.exitCode()).isZero();
        Path email = nights.resolve("2026-01-15/email.csv");
        String bytes = TestFiles.read(email);
        long modified = Files.getLastModifiedTime(email).toMillis();

        NightlyRun.Outcome again = nightlyRun.run(new NightlyRun.Request(day, null, false, false));
        assertThat(again.exitCode()).isZero();
        assertThat(again.message()).contains("already completed");
        assertThat(Files.getLastModifiedTime(email).toMillis()).isEqualTo(modified);

        NightlyRun.Outcome forced = nightlyRun.run(new NightlyRun.Request(day, null, true, false));
        assertThat(forced.exitCode()).isZero();
        assertThat(forced.message()).contains("completed").doesNotContain("already");
        assertThat(TestFiles.read(email)).isEqualTo(bytes);
        assertThat(jdbc.queryForObject("select count(*) from batch_job_instance", Long.class)).isEqualTo(2);
    }

    @Test
    void theNextNightExportsOnlyNewAndChangedLearnersAndMarksLeavers() throws Exception {
        assertThat(nightlyRun.run(new NightlyRun.Request(LocalDate.of(2026, 1, 15), null, false, false)).exitCode()).isZero();

        Path roster = outDir.resolve("roster-night2.csv");
        String sample = TestFiles.read(Path.of("sample-data/roster.csv"));
        String night2 = sample
                .replace("E1002,Oliver,Jones,oliver.jones@example.com,+44 7958 573780,London",
                        "E1002,Oliver,Jones,oliver.jones@example.com,+44 7958 573780,Manchester")
                .replaceAll("(?m)^E1003,.*\\r\\n", "")
                + "E1099,Nadia,Haddad,nadia.haddad@example.com,07958 123456,London\r\n";
        assertThat(night2).isNotEqualTo(sample);
        Files.writeString(roster, night2, StandardCharsets.UTF_8);

        NightlyRun.Outcome outcome = nightlyRun.run(new NightlyRun.Request(LocalDate.of(2026, 1, 16), roster.toString(),
                false, false));

        assertThat(outcome.exitCode()).as(outcome.message()).isZero();
        Map<String, String> states = new HashMap<>();
        // state is relative to last_changed: a link new on an earlier night is unchanged tonight
        jdbc.query("select external_user_id, " + com.example.hublinks.link.LinkRepository.stateTonight("l")
                + " from learner_link l", rs -> {
            states.put(rs.getString(1), rs.getString(2));
        }, java.sql.Date.valueOf("2026-01-16"));
        assertThat(states).containsEntry("E1002", "changed").containsEntry("E1003", "removed")
                .containsEntry("E1099", "new").containsEntry("E1001", "unchanged");
        assertThat(states.values().stream().filter("unchanged"::equals).count()).isEqualTo(48);
        assertThat(csv(nights.resolve("2026-01-16/email.csv"))).extracting(row -> row.get("external_user_id"))
                .containsExactly("E1002", "E1099");
        assertThat(csv(nights.resolve("2026-01-16/email.csv")).get(0).get("link")).contains("g=6&e=E1002");
    }

    @Test
    void aFailedNightResumesTheSameRunWhenRunAgain() throws Exception {
        LocalDate day = LocalDate.of(2026, 1, 20);
        Path broken = outDir.resolve("broken.csv");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "employee_id,first_name,last_name,email,mobile,team\nE1,\"unclosed,,,,\n"
                + "x\n".repeat(60), StandardCharsets.UTF_8);

        NightlyRun.Outcome failed = nightlyRun.run(new NightlyRun.Request(day, broken.toString(), false, false));
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.SETTINGS);
        assertThat(failed.message()).contains("line 2").contains("quoted field is never closed");

        NightlyRun.Outcome resumed = nightlyRun.run(new NightlyRun.Request(day, null, false, false));
        assertThat(resumed.exitCode()).as(resumed.message()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from batch_job_instance", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from learner_link", Long.class)).isEqualTo(50);
    }

    static List<Map<String, String>> csv(Path file) throws Exception {
        return TestFiles.csv(file);
    }
}
