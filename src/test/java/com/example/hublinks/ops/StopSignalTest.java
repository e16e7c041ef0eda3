package com.example.hublinks.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.cli.HublinksCommand;
import com.example.hublinks.support.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: {@code kill -TERM} (systemd stop, Kubernetes eviction) in the middle of importRoster,
 * sent to a real child JVM. The run used to die at once without a word, its night left STARTED and
 * its lock held. Now it says so, stops at the next chunk boundary within the 10 seconds,
 * leaves the night STOPPED and the lock released, exits 143, and the same command resumes it to
 * the same links and files as a night never interrupted.
 */
class StopSignalTest {

    static final int LEARNERS = 20_000;
    static final int CHUNK = 50;
    static final String DATE = "2026-02-05";
    static final List<String> FILES = List.of("email.csv", "sms.csv", "inapp.jsonl", "rejects.csv");

    @TempDir
    static Path tmp;
    static Path roster;

    @BeforeAll
    static void generateRoster() {
        roster = tmp.resolve("roster.csv");
        assertThat(HublinksCommand.execute("generate-roster", "--rows", String.valueOf(LEARNERS), "--out",
                roster.toString(), "--seed", "5")).isZero();
    }

    static List<String> args() {
        return List.of("--date", DATE, "--roster", roster.toString(), "--hublinks.job.chunk-size=" + CHUNK,
                "--hublinks.ops.progress-every=0s", "--hublinks.links.secret-env=HUBLINKS_TEST_UNSET_VARIABLE");
    }

    @Test
    void sigtermInImportRosterStopsAtAChunkBoundaryReleasesTheLockAndTheSameCommandResumes() throws Exception {
        Path calm = Files.createDirectories(tmp.resolve("uninterrupted"));
        assertThat(inThisJvm(calm)).isZero();

        Path home = Files.createDirectories(tmp.resolve("stopped"));
        List<String> args = new ArrayList<>(args());
        args.addAll(ChildRun.settings(home));
        ChildRun night = ChildRun.launch(home, "night", "run", args);
        assertThat(night.awaitLines(line -> line.contains(" importRoster: "), 5)).as(night.log()).isTrue();

        night.process().destroy(); // SIGTERM
        assertThat(night.process().waitFor(10, TimeUnit.SECONDS)).as("ended within 10 s of SIGTERM:\n" + night.log())
                .isTrue();
        assertThat(night.process().exitValue()).as(night.log()).isEqualTo(ExitCodes.STOPPED);
        assertThat(night.log()).contains("SIGTERM received: stopping the night at the next chunk boundary")
                .contains("hublinks: sample-nightly " + DATE + " stopped in step importRoster at a chunk boundary on"
                        + " SIGTERM; its lock is released; run the same command again to resume");
        assertThat(CrashAndResumeTest.count(home, "select count(*) from batch_job_execution where status = 'STOPPED'"))
                .isEqualTo(1);
        long read = CrashAndResumeTest.count(home, "select read_count from batch_step_execution"
                + " where step_name = 'importRoster' and status = 'STOPPED'");
        assertThat(read).as("stopped part way").isPositive().isLessThan(LEARNERS);
        assertThat(read % CHUNK).as("stopped at a chunk boundary (%d read)", read).isZero();
        assertThat(CrashAndResumeTest.count(home, "select count(*) from run_lock")).as("lock released:\n%s", night.log())
                .isZero();

        List<String> status = new ArrayList<>(List.of("status", "jobs/sample-nightly.yml"));
        status.addAll(ChildRun.settings(home));
        StringWriter out = new StringWriter();
        assertThat(HublinksCommand.execute(new PrintWriter(out), new PrintWriter(new StringWriter()),
                status.toArray(String[]::new))).isZero();
        assertThat(out.toString()).containsPattern(DATE + " +0 STOPPED .* stopped on request \\(SIGTERM\\): the same"
                + " command resumes it");

        assertThat(inThisJvm(home)).isZero(); // the same command again
        assertThat(CrashAndResumeTest.count(home, "select count(*) from batch_job_instance")).isEqualTo(1);
        assertThat(CrashAndResumeTest.links(home)).isEqualTo(CrashAndResumeTest.links(calm));
        Path folder = Path.of("out", "sample-nightly", DATE);
        for (String file : FILES) {
            assertThat(Files.readAllBytes(home.resolve(folder).resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(calm.resolve(folder).resolve(file)));
        }
    }

    static int inThisJvm(Path home) {
        List<String> command = new ArrayList<>(List.of("run", "jobs/sample-nightly.yml"));
        command.addAll(args());
        command.addAll(ChildRun.settings(home));
        StringWriter err = new StringWriter();
        int code = HublinksCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                command.toArray(String[]::new));
        assertThat(err.toString()).as("the run's console").doesNotContain("failed");
        return code;
    }
}
