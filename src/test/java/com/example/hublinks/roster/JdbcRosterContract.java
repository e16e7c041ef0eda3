package com.example.hublinks.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.HublinksProperties;
import com.example.hublinks.TestFiles;
import com.example.hublinks.TestReaders;
import com.example.hublinks.cli.HublinksCommand;
import com.example.hublinks.job.NightlyRun;
import com.example.hublinks.support.ExitCodes;
import com.example.hublinks.support.SettingsException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * {@code roster.source: jdbc}, the same tests against each database HR's data may live in
 * (H2 and a real PostgreSQL): the query is paged on the user id, validated like a CSV, and a
 * reject's "line" is the row's position in the query's result in id order.
 */
@SpringBatchTest
@SpringBootTest(classes = HublinksApplication.class, properties = {
        "spring.config.additional-location=file:jobs/sample-nightly.yml",
        "hublinks.roster.source=jdbc",
        "hublinks.roster.jdbc.query=" + JdbcRosterContract.QUERY})
abstract class JdbcRosterContract {

    static final String QUERY = "select emp_no as employee_id, given_name as first_name, family_name as last_name,"
            + " work_email as email, mobile, team_name as team from hr_employee where active";
    static final int ROWS = 2500; // more than two pages of 1000

    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    HublinksProperties settings;
    @Autowired
    JdbcTemplate appDatabase;

    /** The application's own database and output folder, one per test class, and the HR database's URL. */
    static void properties(DynamicPropertyRegistry registry, String name, String rosterUrl, String rosterUser) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        registry.add("hublinks.campaign.out-dir", () -> "target/test-out/" + name);
        registry.add("hublinks.roster.jdbc.url", () -> rosterUrl);
        registry.add("hublinks.roster.jdbc.username", () -> rosterUser);
    }

    /** HR's table: ROWS active employees (two of them unusable) and one who left. */
    static void createHrTable(DataSource hr) throws Exception {
        try (Connection connection = hr.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("drop table if exists hr_employee");
            ddl.execute("create table hr_employee (emp_no varchar(20) primary key, given_name varchar(100),"
                    + " family_name varchar(100), work_email varchar(200), mobile varchar(40), team_name varchar(100),"
                    + " active boolean not null)");
            try (PreparedStatement insert = connection.prepareStatement("insert into hr_employee values (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = ROWS + 1; i >= 1; i--) { // inserted backwards: the reader's order is the id's, not the table's
                    String id = String.format("H%05d", i);
                    insert.setString(1, id);
                    insert.setString(2, i == 1 ? "René" : "First" + i);
                    insert.setString(3, "Last" + i);
                    insert.setString(4, i == 7 ? "not-an-address" : "h" + i + "@example.com");
                    insert.setString(5, i == 7 ? null : "07700 9" + String.format("%05d", i));
                    insert.setString(6, i == 1500 ? "Atlantis" : i % 2 == 0 ? "London" : "6");
                    insert.setBoolean(7, i <= ROWS);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    abstract DataSource hrDatabase();

    @Test
    void theQueryIsPagedValidatedAndSignedLikeACsv() throws Exception {
        LocalDate night = LocalDate.of(2026, 4, 1);

        NightlyRun.Outcome outcome = nightlyRun.run(new NightlyRun.Request(night, null, false, false));

        assertThat(outcome.exitCode()).as(outcome.message()).isZero();
        String job = settings.job().name();
        assertThat(appDatabase.queryForObject("select count(*) from learner_link where job_name = ?", Long.class, job))
                .isEqualTo(ROWS - 2);
        assertThat(appDatabase.queryForObject("select url from learner_link where external_user_id = 'H00002'",
                String.class)).contains("g=5&e=H00002"); // "London" by catalog name
        assertThat(appDatabase.queryForObject("select count(*) from learner_link where external_user_id = ?",
                Long.class, String.format("H%05d", ROWS + 1))).isZero(); // not active: not in the query
        Path dir = Path.of(settings.campaign().outDir().toString(), job, night.toString());
        assertThat(TestFiles.lines(dir.resolve("rejects.csv"))).containsExactly("line,column,reason",
                "7,email,email 'not-an-address' is not a valid address",
                "1500,team,team 'Atlantis' is not in the eduMe catalog");
        assertThat(TestFiles.read(dir.resolve("email.csv"))).contains("René");
    }

    @Test
    void aMappedColumnMissingFromTheQueryIsNamedWithTheColumnsFound() {
        RosterSettings roster = settings.roster();
        RosterSettings renamed = new RosterSettings(roster.source(), roster.path(),
                roster.delimiter(), roster.encoding(), roster.defaultRegion(),
                new RosterSettings.Columns("employee_id", "first_name", "last_name", "email", "cell", "team", "locale"),
                roster.jdbc());

        SettingsException refused = SettingsException.findIn(catchThrowable(() -> readAll(renamed)));

        assertThat(refused).isNotNull();
        assertThat(refused.key()).isEqualTo("hublinks.roster.columns.phone");
        assertThat(refused.getMessage().toLowerCase()).contains("column 'cell' is not in the result of")
                .contains("found: employee_id, first_name, last_name, email, mobile, team");
    }

    @Test
    void aQueryTheDatabaseRefusesIsASettingsProblem() {
        RosterSettings roster = settings.roster();
        RosterSettings broken = new RosterSettings(roster.source(), roster.path(),
                roster.delimiter(), roster.encoding(), roster.defaultRegion(), roster.columns(),
                new RosterSettings.Jdbc(roster.jdbc().url(), roster.jdbc().username(), null,
                        "select * from no_such_table"));

        SettingsException refused = SettingsException.findIn(catchThrowable(() -> readAll(broken)));

        assertThat(refused).isNotNull();
        assertThat(refused.key()).isEqualTo("hublinks.roster.jdbc.query");
    }

    @Test
    void aNightWhoseQueryTheDatabaseRefusesExitsTwoNamingTheSettingAndPublishesNothing() {
        String name = settings.campaign().outDir().getFileName() + "-cli";
        Path out = Path.of("target/test-out", name);
        TestFiles.deleteRecursively(out);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();

        int code = HublinksCommand.execute(new PrintWriter(stdout), new PrintWriter(stderr), "run",
                "jobs/sample-nightly.yml", "--date", "2026-04-02",
                "--hublinks.roster.source=jdbc",
                "--hublinks.roster.jdbc.url=" + settings.roster().jdbc().url(),
                "--hublinks.roster.jdbc.username=" + settings.roster().jdbc().username(),
                "--hublinks.roster.jdbc.query=select * from no_such_table",
                "--spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "--hublinks.campaign.out-dir=" + out);

        String err = stderr.toString();
        assertThat(code).as(stdout + err).isEqualTo(ExitCodes.SETTINGS);
        assertThat(err).startsWith("hublinks: hublinks.roster.jdbc.query: the roster query fails: ")
                .doesNotContain("\tat ");
        assertThat(err.toLowerCase()).contains("no_such_table");
        // not asserted: one line. The database's own message is quoted as it is, and both H2's
        // ("…; SQL statement:" then the SQL) and PostgreSQL's ("  Position: 30") run onto a second line.
        assertThat(out.resolve("sample-nightly/2026-04-02/email.csv")).doesNotExist();
    }

    List<RosterRow> readAll(RosterSettings roster) throws Exception {
        return TestReaders.readAll(new JdbcRosterReader(hrDatabase(), roster, 100));
    }
}
