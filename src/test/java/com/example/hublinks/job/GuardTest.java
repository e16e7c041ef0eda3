package com.example.hublinks.job;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.TestDatabase;
import com.example.hublinks.TestFiles;
import com.example.hublinks.link.LinkRepository;
import com.example.hublinks.support.ExitCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

/** The guard: a broken roster never reaches learner_link or the exports; leavers are kept, never deleted. */
@SpringBatchTest
@SpringBootTest(classes = HublinksApplication.class, properties = {
        "spring.config.additional-location=file:jobs/sample-nightly.yml",
        "spring.datasource.url=jdbc:h2:mem:guard-test;DB_CLOSE_DELAY=-1",
        "hublinks.campaign.out-dir=target/test-out/guard-test"})
class GuardTest {

    static final Path DIR = Path.of("target/test-out/guard-test");
    static final Path OUT = DIR.resolve("sample-nightly");
    static final LocalDate NIGHT1 = LocalDate.of(2026, 3, 1);
    static final LocalDate NIGHT2 = NIGHT1.plusDays(1);
    static final LocalDate NIGHT3 = NIGHT1.plusDays(2);
    static final String SAMPLE = "sample-data/roster.csv";

    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JobRepositoryTestUtils jobRepository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    @BeforeEach
    void cleanSlate() {
        TestDatabase.forgetAllNights(jobRepository, jdbc);
        TestFiles.deleteRecursively(DIR);
    }

    NightlyRun.Outcome night(LocalDate date, String roster, boolean acceptShrink) throws Exception {
        return nightlyRun.run(new NightlyRun.Request(date, roster, false, acceptShrink));
    }

    /** The sample roster without the data lines whose id matches. */
    static String sampleWithout(String name, String idPattern) throws Exception {
        String kept = TestFiles.read(Path.of(SAMPLE)).replaceAll("(?m)^(" + idPattern + "),.*\\r\\n", "");
        Path file = DIR.resolve(name);
        Files.createDirectories(DIR);
        Files.writeString(file, kept, StandardCharsets.UTF_8);
        return file.toString();
    }

    List<Map<String, Object>> learnerLinks() {
        return jdbc.queryForList("select * from learner_link order by external_user_id, kind, target_id");
    }

    JsonNode report(LocalDate date) {
        return json.readTree(OUT.resolve(date + "/report.json").toFile());
    }

    /** Each learner's link state as of a night (stored states are relative to the night that last changed them). */
    Map<String, String> states(LocalDate night) {
        return jdbc.queryForList("select external_user_id, " + LinkRepository.stateTonight("l") + " as state"
                        + " from learner_link l", java.sql.Date.valueOf(night)).stream()
                .collect(Collectors.toMap(r -> (String) r.get("EXTERNAL_USER_ID"), r -> (String) r.get("STATE")));
    }

    @Test
    void anEmptyRosterStopsTheNight() throws Exception {
        NightlyRun.Outcome outcome = night(NIGHT1, "src/test/resources/rosters/guard/empty.csv", false);

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.GUARD_STOPPED);
        assertThat(outcome.message()).contains("0 usable learners").contains("hublinks.guard.min-rows");
        assertThat(report(NIGHT1).get("status").asString()).isEqualTo("STOPPED_BY_GUARD");
        assertThat(report(NIGHT1).get("exitCode").asInt()).isEqualTo(3);
        assertThat(report(NIGHT1).get("reasons").toString()).contains("min-rows");
        assertThat(OUT.resolve(NIGHT1 + "/email.csv")).doesNotExist();
    }

    @Test
    void aZeroByteUploadStopsTheNightToo() throws Exception {
        NightlyRun.Outcome outcome = night(NIGHT1, "src/test/resources/rosters/guard/zero-bytes.csv", false);

        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCodes.GUARD_STOPPED);
        assertThat(report(NIGHT1).at("/counts/read").asLong()).isZero();
    }

    @Test
    void aShrunkRosterTouchesNoLinkAndNoFileAndTheNextGoodNightFindsEveryLinkUnchanged() throws Exception {
        assertThat(night(NIGHT1, SAMPLE, false).exitCode()).isZero();
        List<Map<String, Object>> linksBefore = learnerLinks();
        Path night1Email = OUT.resolve(NIGHT1 + "/email.csv");
        String night1Bytes = TestFiles.read(night1Email);
        long night1Modified = Files.getLastModifiedTime(night1Email).toMillis();

        // 20 of 50 learners gone: more than max-shrink (20%)
        NightlyRun.Outcome stopped = night(NIGHT2, sampleWithout("shrunk.csv", "E10[0-1]\\d|E1020"), false);

        assertThat(stopped.exitCode()).as(stopped.message()).isEqualTo(ExitCodes.GUARD_STOPPED);
        assertThat(stopped.message()).contains("shrank by").contains("--accept-shrink");
        assertThat(report(NIGHT2).get("reasons").toString()).contains("shrank by 40.0% (30 learners, 50 last published)");
        assertThat(learnerLinks()).isEqualTo(linksBefore);
        assertThat(TestFiles.read(night1Email)).isEqualTo(night1Bytes);
        assertThat(Files.getLastModifiedTime(night1Email).toMillis()).isEqualTo(night1Modified);
        assertThat(OUT.resolve(NIGHT2 + "/email.csv")).doesNotExist();
        assertThat(OUT.resolve(NIGHT2 + "/sms.csv")).doesNotExist();
        assertThat(OUT.resolve(NIGHT2 + "/inapp.jsonl")).doesNotExist();

        NightlyRun.Outcome good = night(NIGHT3, SAMPLE, false);

        assertThat(good.exitCode()).as(good.message()).isZero();
        assertThat(states(NIGHT3)).hasSize(50);
        assertThat(states(NIGHT3).values()).containsOnly("unchanged");
        assertThat(report(NIGHT3).at("/counts/unchanged").asLong()).isEqualTo(50);
        assertThat(TestFiles.lines(OUT.resolve(NIGHT3 + "/email.csv"))).hasSize(1); // the header: nobody to message
    }

    @Test
    void acceptShrinkPublishesADeliberateShrink() throws Exception {
        assertThat(night(NIGHT1, SAMPLE, false).exitCode()).isZero();
        String shrunk = sampleWithout("shrunk.csv", "E10[0-1]\\d|E1020");
        assertThat(night(NIGHT2, shrunk, false).exitCode()).isEqualTo(ExitCodes.GUARD_STOPPED);

        NightlyRun.Outcome accepted = night(NIGHT2, shrunk, true);

        assertThat(accepted.exitCode()).as(accepted.message()).isZero();
        Map<String, String> states = states(NIGHT2);
        assertThat(states).hasSize(50); // leavers are kept, not deleted
        assertThat(states.values().stream().filter("removed"::equals).count()).isEqualTo(20);
        assertThat(states).containsEntry("E1001", "removed").containsEntry("E1021", "unchanged");
        assertThat(report(NIGHT2).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(report(NIGHT2).at("/counts/removed").asLong()).isEqualTo(20);
    }

    @Test
    void tooManyRejectsStopTheNight() throws Exception {
        Path roster = DIR.resolve("rejects.csv");
        Files.createDirectories(DIR);
        Files.writeString(roster, TestFiles.read(Path.of(SAMPLE)).replaceAll("(?m)^(E100[1-4],[^\\r\\n]*),[^,\\r\\n]*(?=\\r\\n)", "$1,Atlantis"));

        NightlyRun.Outcome outcome = night(NIGHT1, roster.toString(), false);

        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCodes.GUARD_STOPPED);
        assertThat(report(NIGHT1).get("reasons").toString()).contains("5 of 51 rows were rejected (9.8%)")
                .contains("max-reject-share");
        assertThat(TestFiles.read(OUT.resolve(NIGHT1 + "/rejects.csv"))).contains("team 'Atlantis' is not in the eduMe catalog");
        assertThat(jdbc.queryForObject("select count(*) from learner_link", Long.class)).isZero();
    }

    @Test
    void aLeaverIsMarkedRemovedAndComesBackActiveWithTheSameHistory() throws Exception {
        assertThat(night(NIGHT1, SAMPLE, false).exitCode()).isZero();
        String url = jdbc.queryForObject("select url from learner_link where external_user_id = 'E1003'", String.class);

        assertThat(night(NIGHT2, sampleWithout("leaver.csv", "E1003"), false).exitCode()).isZero();
        assertThat(states(NIGHT2)).containsEntry("E1003", "removed");

        assertThat(night(NIGHT3, SAMPLE, false).exitCode()).isZero();
        Map<String, Object> back = jdbc.queryForMap("select * from learner_link where external_user_id = 'E1003'");
        assertThat(back.get("STATE")).isEqualTo("unchanged");
        assertThat(back.get("URL")).isEqualTo(url);
        assertThat(back.get("REMOVED_ON")).isNull();
        assertThat(back.get("FIRST_ISSUED").toString()).isEqualTo(NIGHT1.toString());
        assertThat(jdbc.queryForObject("select count(*) from learner_link where external_user_id = 'E1003'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void aNightThatCannotMarkItsLeaversFailsBeforeExportingAndTheRerunMarksThem() throws Exception {
        assertThat(night(NIGHT1, SAMPLE, false).exitCode()).isZero();
        String roster = sampleWithout("leaver.csv", "E1003");
        jdbc.execute("alter table learner_link add constraint no_removals check (state <> 'removed')");
        NightlyRun.Outcome failed;
        try {
            failed = night(NIGHT2, roster, false);
        } finally {
            jdbc.execute("alter table learner_link drop constraint no_removals");
        }
        assertThat(failed.exitCode()).as(failed.message()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.message()).contains("removeLeavers");
        assertThat(OUT.resolve(NIGHT2 + "/inapp.jsonl")).as("a leaver's live link is never exported").doesNotExist();

        assertThat(night(NIGHT2, roster, false).exitCode()).isZero();
        assertThat(states(NIGHT2)).containsEntry("E1003", "removed");
        assertThat(report(NIGHT2).at("/counts/removed").asLong()).isEqualTo(1);
    }
}
