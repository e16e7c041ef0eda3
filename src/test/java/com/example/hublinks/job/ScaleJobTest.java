package com.example.hublinks.job;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.TestDatabase;
import com.example.hublinks.TestFiles;
import com.example.hublinks.roster.RosterGenerator;
import com.example.hublinks.support.ExitCodes;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generated roster through the whole job with signLinks split into three partitions: every
 * learner signed once, and a second night on the same roster writes no link and exports nobody.
 */
@SpringBatchTest
@SpringBootTest(classes = HublinksApplication.class, properties = {
        "spring.config.additional-location=file:jobs/sample-nightly.yml",
        "spring.datasource.url=jdbc:h2:mem:scale-job-test;DB_CLOSE_DELAY=-1",
        "hublinks.campaign.out-dir=target/test-out/scale-job-test",
        "hublinks.job.name=scale",
        "hublinks.scale.partitions=3",
        "hublinks.job.chunk-size=100"})
class ScaleJobTest {

    static final Path DIR = Path.of("target/test-out/scale-job-test");
    static final int ROWS = 1200;

    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    JobRepositoryTestUtils jobRepository;

    @BeforeEach
    void cleanSlate() {
        TestDatabase.forgetAllNights(jobRepository, jdbc);
    }

    @Test
    void aGeneratedRosterIsSignedInPartitionsAndAnUnchangedNightWritesNothing() throws Exception {
        TestFiles.deleteRecursively(DIR);
        Files.createDirectories(DIR);
        Path roster = DIR.resolve("roster.csv");
        try (Writer out = Files.newBufferedWriter(roster, StandardCharsets.UTF_8)) {
            new RosterGenerator(ROWS, 42).writeTo(out);
        }

        NightlyRun.Outcome first = nightlyRun.run(new NightlyRun.Request(LocalDate.of(2026, 3, 1), roster.toString(),
                false, false));
        assertThat(first.exitCode()).as(first.message()).isZero();
        assertThat(jdbc.queryForObject("select count(distinct external_user_id) from learner_link where state = 'new'",
                Long.class)).isEqualTo(ROWS);
        List<Long> partitionReads = jdbc.queryForList("select read_count from batch_step_execution"
                + " where step_name like 'signLinksPartition:%'", Long.class);
        assertThat(partitionReads).hasSize(3).allSatisfy(read -> assertThat(read).isGreaterThan(0));
        assertThat(partitionReads.stream().mapToLong(Long::longValue).sum()).isEqualTo(ROWS);
        JsonNode night1 = json.readTree(DIR.resolve("scale/2026-03-01/report.json").toFile());
        assertThat(night1.at("/counts/rejected").asLong()).isZero();
        assertThat(night1.at("/counts/new").asLong()).isEqualTo(ROWS);
        assertThat(night1.at("/counts/exported/inapp").asLong()).isEqualTo(ROWS);
        List<String> emails = TestFiles.lines(DIR.resolve("scale/2026-03-01/email.csv"));
        assertThat(emails.get(1)).contains(",E0000001,https://learn.edume.com/e/d/?g=");
        assertThat(emails.subList(1, emails.size())).isSortedAccordingTo((a, b) -> id(a).compareTo(id(b)));

        NightlyRun.Outcome second = nightlyRun.run(new NightlyRun.Request(LocalDate.of(2026, 3, 2), roster.toString(),
                false, false));
        assertThat(second.exitCode()).as(second.message()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from learner_link where last_changed <> date '2026-03-01'",
                Long.class)).as("links written on the unchanged night").isZero();
        JsonNode night2 = json.readTree(DIR.resolve("scale/2026-03-02/report.json").toFile());
        assertThat(night2.at("/counts/unchanged").asLong()).isEqualTo(ROWS);
        assertThat(night2.at("/counts/new").asLong()).isZero();
        assertThat(night2.at("/counts/exported/inapp").asLong()).isZero();
        assertThat(TestFiles.lines(DIR.resolve("scale/2026-03-02/email.csv"))).hasSize(1); // the header only
    }

    @Test
    void aFailedPartitionIsResumedAloneAndTheNightEndsAsIfNothingHappened() throws Exception {
        Path dir = DIR.resolve("restart");
        TestFiles.deleteRecursively(dir);
        Files.createDirectories(dir);
        Path roster = dir.resolve("roster.csv");
        try (Writer out = Files.newBufferedWriter(roster, StandardCharsets.UTF_8)) {
            new RosterGenerator(ROWS, 7).writeTo(out);
        }
        LocalDate night = LocalDate.of(2026, 4, 1);
        // the last partition cannot store the link of E0001150: it fails, the other two complete
        jdbc.execute("alter table learner_link add constraint fail_once check (job_name <> 'scale'"
                + " or external_user_id <> 'E0001150' or last_changed <> date '2026-04-01')");
        NightlyRun.Outcome failed;
        try {
            failed = nightlyRun.run(new NightlyRun.Request(night, roster.toString(), false, false));
        } finally {
            jdbc.execute("alter table learner_link drop constraint fail_once");
        }
        assertThat(failed.exitCode()).as(failed.message()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.message()).contains("signLinks");

        NightlyRun.Outcome resumed = nightlyRun.run(new NightlyRun.Request(night, roster.toString(), false, false));

        assertThat(resumed.exitCode()).as(resumed.message()).isZero();
        List<String> runs = jdbc.queryForList("select step_name from batch_step_execution"
                + " where step_name like 'signLinksPartition:%'", String.class);
        assertThat(runs).hasSize(4).containsOnlyOnce("signLinksPartition:partition0", "signLinksPartition:partition1");
        assertThat(jdbc.queryForObject("select count(*) from learner_link where job_name = 'scale'"
                + " and last_changed = date '2026-04-01'", Long.class)).isEqualTo(ROWS);
        List<String> emails = TestFiles.lines(DIR.resolve("scale/2026-04-01/email.csv"));
        assertThat(emails.subList(1, emails.size())).allSatisfy(line ->
                assertThat(TestFiles.signatureHolds(line.substring(line.lastIndexOf(',') + 1), TestFiles.DEMO_SECRET))
                        .isTrue()).isSortedAccordingTo((a, b) -> id(a).compareTo(id(b)));
        assertThat(emails.stream().skip(1).map(ScaleJobTest::id).distinct().count()).isEqualTo(emails.size() - 1)
                .isGreaterThan(ROWS * 9 / 10);
    }

    private static String id(String emailLine) {
        String[] cells = emailLine.split(",");
        return cells[cells.length - 2];
    }
}
