package com.example.hublinks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.cli.CommandLineTest.Result;
import org.junit.jupiter.api.Test;

/** What HR and ops see on the console for a roster: a dry run's rejects, and one line for a file that is not a roster. */
class RosterCommandLineTest {

    static final String DB = "--spring.datasource.url=jdbc:h2:mem:roster-cli-test;DB_CLOSE_DELAY=-1";
    static final String OUT = "--hublinks.campaign.out-dir=target/test-out/roster-cli-test";
    static final String DIALECTS = "src/test/resources/rosters/dialects/";

    @Test
    void aDryRunListsTheRejectedLinesAndPublishesNothing() {
        Result result = CommandLineTest.hublinks("run", "jobs/sample-nightly.yml", "--dry-run", "--date", "2026-05-01",
                "--roster", "src/test/resources/rosters/rejects/multi-line-reject.csv", DB, OUT);

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(3);
        assertThat(result.err()).contains("3 rows read, 1 usable, 2 rejected; nothing was published")
                .contains("line 3, column email: email 'oliver.at.example.com' is not a valid address")
                .contains("line 6, column email: no email or phone to send the link to")
                .contains("the guard would STOP")
                .contains("roster-cli-test/sample-nightly/check/2026-05-01/rejects.csv");
        assertThat(java.nio.file.Path.of("target/test-out/roster-cli-test/sample-nightly/2026-05-01")).doesNotExist();
    }

    @Test
    void aBinaryFileIsExitTwoWithOneLine() {
        Result result = CommandLineTest.hublinks("run", "jobs/sample-nightly.yml", "--roster", DIALECTS + "binary.dat",
                DB, OUT);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("binary.dat is not a CSV text file");
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.out() + result.err()).doesNotContain("\tat ");
    }

    @Test
    void aMissingColumnIsExitTwoNamingItAndTheHeadersFound() {
        Result result = CommandLineTest.hublinks("run", "jobs/sample-nightly.yml", "--dry-run", "--roster",
                DIALECTS + "missing-column.csv", DB, OUT);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("hublinks.roster.columns.phone").contains("'mobile'")
                .contains("found: employee_id, first_name, last_name, email, team");
        assertThat(result.err().lines()).hasSize(1);
    }
}
