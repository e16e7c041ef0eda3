package com.example.hublinks.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.cli.HublinksCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of the release before serve (schema V8, two nights on it) upgrades in place: the
 * next night migrates it, the audit table of "Use for tonight" is there and empty, and the night
 * runs as before.
 */
class AcceptanceUpgradeTest {

    static final Path FIXTURE = Path.of("src/test/resources/upgrade/v8-h2");

    @TempDir
    Path home;

    @Test
    void aVersion8DatabaseUpgradesAndItsNextNightRuns() throws Exception {
        Files.createDirectories(home.resolve("db"));
        Files.copy(FIXTURE.resolve("hublinks.mv.db"), home.resolve("db/hublinks.mv.db"));
        String url = "jdbc:h2:file:" + home.resolve("db/hublinks");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = HublinksCommand.execute(new PrintWriter(out), new PrintWriter(err), "run", "jobs/sample-nightly.yml",
                "--date", "2026-01-12", "--roster", FIXTURE.resolve("roster.csv").toString(),
                "--spring.datasource.url=" + url, "--hublinks.campaign.out-dir=" + home.resolve("out"));

        assertThat(exit).as(err.toString()).isZero();
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            try (ResultSet acceptances = db.createStatement().executeQuery("select count(*) from roster_acceptance")) {
                assertThat(acceptances.next()).isTrue();
                assertThat(acceptances.getLong(1)).isZero();
            }
            try (ResultSet migrated = db.createStatement().executeQuery("select \"success\" from \"flyway_schema_history\""
                    + " where \"version\" = '11'")) {
                assertThat(migrated.next()).isTrue();
                assertThat(migrated.getBoolean(1)).isTrue();
            }
        }
    }
}
