package com.example.hublinks.job;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.TestDatabase;
import com.example.hublinks.TestFiles;
import com.example.hublinks.support.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HR's dry run, and every reason a row is rejected, each from a small file under
 * src/test/resources/rosters/rejects. The catalog here has a "London" in two groups.
 */
@SpringBatchTest
@SpringBootTest(classes = HublinksApplication.class, properties = {
        "spring.config.additional-location=file:jobs/sample-nightly.yml",
        "spring.datasource.url=jdbc:h2:mem:roster-check-test;DB_CLOSE_DELAY=-1",
        "hublinks.catalog.file=src/test/resources/catalog-ambiguous",
        "hublinks.campaign.out-dir=target/test-out/roster-check-test"})
class RosterCheckTest {

    static final Path OUT = Path.of("target/test-out/roster-check-test/sample-nightly");
    static final Path REJECTS = Path.of("src/test/resources/rosters/rejects");
    static final LocalDate DAY = LocalDate.of(2026, 2, 1);

    @Autowired
    RosterCheck check;
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
        TestFiles.deleteRecursively(OUT);
    }

    NightlyRun.Outcome dryRun(String file) throws Exception {
        return check.run(new NightlyRun.Request(DAY, REJECTS.resolve(file).toString(), false, false));
    }

    List<String> rejects() {
        List<String> lines = TestFiles.lines(OUT.resolve("check/2026-02-01/rejects.csv"));
        assertThat(lines.get(0)).isEqualTo("line,column,reason");
        return lines.subList(1, lines.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing-id.csv     | 3,employee_id,missing external user id
            duplicate-id.csv   | 4,employee_id,duplicate external user id 'E1': line 2 has it first (line 4 is rejected)
            bad-email.csv      | 3,email,email 'oliver.at.example.com' is not a valid address
            bad-phone.csv      | 3,mobile,phone '0770 09' is not a valid number
            no-contact.csv     | 3,email,no email or phone to send the link to
            unknown-team.csv   | 3,team,team 'Atlantis' is not in the eduMe catalog
            unknown-team.csv   | 4,team,team 999 is not an active team in the eduMe catalog
            ambiguous-team.csv | 3,team,team name 'London' is ambiguous: team 5 in Couriers UK and team 31 in Couriers Canada; use the id or hublinks.catalog.teams
            over-long.csv      | 3,first_name,first name is longer than 255 characters
            over-long.csv      | 4,employee_id,external user id is longer than 255 characters
            over-long.csv      | 5,team,team is longer than 255 characters
            """)
    void everyRejectReasonIsReportedWithItsLineAndColumn(String file, String rejectLine) throws Exception {
        NightlyRun.Outcome outcome = dryRun(file);

        assertThat(rejects()).contains(rejectLine);
        assertThat(outcome.message()).contains("line " + rejectLine.substring(0, rejectLine.indexOf(',')) + ", column");
    }

    @Test
    void aDuplicateInALaterChunkNamesTheFirstLineOfTheWholeFile() throws Exception {
        StringBuilder csv = new StringBuilder("employee_id,first_name,last_name,email,mobile,team\n");
        for (int i = 1; i <= 2500; i++) {
            String id = i == 1499 || i == 1500 ? "D1" : "D" + i; // lines 1500 and 1501: chunk 2 of 1000 rows
            csv.append(id).append(",A,B,d").append(i).append("@example.com,,Manchester\n");
        }
        Path roster = Path.of("target/test-out/roster-check-test/duplicates.csv");
        Files.createDirectories(roster.getParent());
        Files.writeString(roster, csv);

        NightlyRun.Outcome outcome = check.run(new NightlyRun.Request(DAY, roster.toString(), false, false));

        assertThat(outcome.message()).contains("2500 rows read, 2498 usable, 2 rejected");
        assertThat(rejects()).containsExactly(
                "1500,employee_id,duplicate external user id 'D1': line 2 has it first (line 1500 is rejected)",
                "1501,employee_id,duplicate external user id 'D1': line 2 has it first (line 1501 is rejected)");
    }

    @Test
    void aBadPhoneNextToAGoodEmailKeepsTheLearnerWithAWarning() throws Exception {
        dryRun("bad-phone.csv");

        assertThat(rejects()).hasSize(1); // E2 has nothing else; E3 keeps its email
        JsonNode report = json.readTree(OUT.resolve("check/2026-02-01/report.json").toFile());
        assertThat(report.get("warnings").toString()).contains("line 4 (E3), column mobile");
        assertThat(report.at("/counts/read").asLong()).isEqualTo(3);
    }

    @Test
    void aDryRunOnABadFileListsTheLinesCountingBreaksInsideQuotesAndPublishesNothing() throws Exception {
        NightlyRun.Outcome outcome = dryRun("multi-line-reject.csv");

        // E2's quoted last name spans lines 3-5; E3 starts on line 6
        assertThat(rejects()).containsExactly("3,email,email 'oliver.at.example.com' is not a valid address",
                "6,email,no email or phone to send the link to");
        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.GUARD_STOPPED); // 2 of 3 rows rejected
        assertThat(outcome.message()).contains("3 rows read, 1 usable, 2 rejected")
                .contains("line 3, column email").contains("line 6, column email")
                .contains("the guard would STOP").contains("max-reject-share");
        JsonNode report = json.readTree(OUT.resolve("check/2026-02-01/report.json").toFile());
        assertThat(report.get("status").asString()).isEqualTo("DRY_RUN");
        assertThat(report.get("exitCode").asInt()).isEqualTo(3);
        assertThat(report.get("reasons").toString()).contains("2 of 3 rows were rejected");

        assertThat(jdbc.queryForObject("select count(*) from learner_link", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from learner", Long.class)).isZero();
        assertThat(TestDatabase.deltaTables(jdbc)).as("the dry run dropped its delta").isEmpty();
        assertThat(OUT.resolve("2026-02-01")).doesNotExist();
    }

    @Test
    void aGoodRosterPassesTheDryRunAndTheRealNightStillRuns() throws Exception {
        // the sample's "London" rows are ambiguous with this catalog: point them at team 5 by id
        Path roster = Path.of("target/test-out/roster-check-test/roster.csv");
        Files.createDirectories(roster.getParent());
        Files.writeString(roster, TestFiles.read(Path.of("sample-data/roster.csv")).replace(",London\r", ",5\r"));
        NightlyRun.Outcome dry = check.run(new NightlyRun.Request(DAY, roster.toString(), false, false));
        assertThat(dry.exitCode()).as(dry.message()).isZero();
        assertThat(dry.message()).contains("51 rows read, 50 usable, 1 rejected")
                .contains("the guard would let tonight's run publish");
        NightlyRun.Outcome again = check.run(new NightlyRun.Request(DAY, roster.toString(), false, false));
        assertThat(again.exitCode()).as(again.message()).isZero();

        NightlyRun.Outcome night = nightlyRun.run(new NightlyRun.Request(DAY, roster.toString(), false, false));

        assertThat(night.exitCode()).as(night.message()).isZero();
        assertThat(night.message()).doesNotContain("already");
        assertThat(OUT.resolve("2026-02-01/email.csv")).exists();
        assertThat(jdbc.queryForObject("select count(*) from learner_link", Long.class)).isEqualTo(50);
    }
}
