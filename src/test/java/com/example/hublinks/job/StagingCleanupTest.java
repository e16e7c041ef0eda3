package com.example.hublinks.job;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.TestDatabase;
import com.example.hublinks.TestFiles;
import com.example.hublinks.support.ExitCodes;
import com.example.hublinks.support.RunParameters;
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

/**
 * Ops' promise that the database does not grow by a roster every night: a night's delta table
 * is dropped once its exports are done, and a completed night drops those of the nights and dry
 * runs before it, but never the delta of a failed night that the same command would resume.
 */
@SpringBatchTest
@SpringBootTest(classes = HublinksApplication.class, properties = {
        "spring.config.additional-location=file:jobs/sample-nightly.yml",
        "spring.datasource.url=jdbc:h2:mem:staging-cleanup-test;DB_CLOSE_DELAY=-1",
        "hublinks.campaign.out-dir=target/test-out/staging-cleanup-test"})
class StagingCleanupTest {

    static final Path DIR = Path.of("target/test-out/staging-cleanup-test");
    static final LocalDate NIGHT1 = LocalDate.of(2026, 4, 1);
    static final String SAMPLE = "sample-data/roster.csv";

    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    RosterCheck rosterCheck;
    @Autowired
    JobRepositoryTestUtils jobRepository;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void cleanSlate() {
        TestDatabase.forgetAllNights(jobRepository, jdbc);
        TestFiles.deleteRecursively(DIR);
    }

    int night(LocalDate date, String roster) throws Exception {
        return nightlyRun.run(new NightlyRun.Request(date, roster, false, false)).exitCode();
    }

    /** Job instances whose delta table is still there. */
    List<Long> staged() {
        return TestDatabase.deltaTables(jdbc);
    }

    long instanceOf(LocalDate date) {
        return jdbc.queryForObject("select max(i.job_instance_id) from batch_job_instance i join batch_job_execution e"
                + " on e.job_instance_id = i.job_instance_id join batch_job_execution_params p on p.job_execution_id"
                + " = e.job_execution_id where p.parameter_name = 'runDate' and p.parameter_value = ?"
                + " and i.job_name = ?", Long.class, date.toString(), RunParameters.NIGHTLY_JOB);
    }

    @Test
    void aCompletedNightLeavesNoDeltaBehindAndDropsThoseBeforeIt() throws Exception {
        assertThat(night(NIGHT1, SAMPLE)).isZero();
        assertThat(staged()).as("a completed night drops its own delta").isEmpty();
        rosterCheck.run(new NightlyRun.Request(NIGHT1.plusDays(1), SAMPLE, false, false)); // HR's dry run
        assertThat(staged()).as("a dry run drops its own delta").isEmpty();
        // ten learners of fifty: stopped by the guard, never resumed (the next run is a new attempt)
        Path shrunk = DIR.resolve("shrunk.csv");
        Files.createDirectories(DIR);
        Files.write(shrunk, Files.readAllLines(Path.of(SAMPLE)).subList(0, 11));
        assertThat(night(NIGHT1.plusDays(1), shrunk.toString())).isEqualTo(ExitCodes.GUARD_STOPPED);
        assertThat(staged()).containsExactly(instanceOf(NIGHT1.plusDays(1)));

        assertThat(night(NIGHT1.plusDays(2), SAMPLE)).isZero();

        assertThat(staged()).isEmpty();
        assertThat(jdbc.queryForList("select job_instance_id from roster_import", Long.class)).isEmpty();
    }

    @Test
    void theDeltaOfAFailedNightStaysUntilItIsResumed() throws Exception {
        assertThat(night(NIGHT1, SAMPLE)).isZero();
        // a folder where the email export's part file goes: the night fails in exportCampaign, after signing
        Path night2 = DIR.resolve("sample-nightly").resolve(NIGHT1.plusDays(1).toString());
        Path blocker = Files.createDirectories(night2.resolve("email.csv.part").resolve("in-the-way"));
        assertThat(night(NIGHT1.plusDays(1), SAMPLE)).isEqualTo(ExitCodes.FAILED);
        long failed = instanceOf(NIGHT1.plusDays(1));
        assertThat(jdbc.queryForObject("select s.status from batch_step_execution s join batch_job_execution e"
                + " on e.job_execution_id = s.job_execution_id where e.job_instance_id = ? and s.step_name ="
                + " 'exportCampaign'", String.class, failed)).isEqualTo("FAILED");

        assertThat(night(NIGHT1.plusDays(2), SAMPLE)).isZero();
        assertThat(staged()).containsExactly(failed);

        TestFiles.deleteRecursively(blocker.getParent());
        assertThat(night(NIGHT1.plusDays(1), SAMPLE)).as("resumed, with its delta").isZero();
        // its report counts the roster it read before it failed: 50 learners and the duplicate line
        assertThat(TestFiles.read(night2.resolve("report.json"))).contains("\"read\" : 51").contains("\"rejected\" : 1");
        assertThat(staged()).isEmpty();
    }
}
