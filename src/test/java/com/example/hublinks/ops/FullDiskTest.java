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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: the disk holding {@code out-dir} fills up in the middle of exportCampaign — a real full
 * file system (a small tmpfs). The chunk whose lines do not fit fails at its commit, which Spring
 * Batch cannot tell from a failed commit of anything else: it leaves the night UNKNOWN and, by
 * itself, refuses to restart it. The console names the step, the file and the full disk; once
 * space is freed the same command resumes the step from its last committed chunk, and the files
 * are byte for byte those of an uninterrupted night.
 */
class FullDiskTest {

    static final int LEARNERS = 4_000;
    static final String DATE = "2026-02-03";
    static final List<String> FILES = List.of("email.csv", "sms.csv", "inapp.jsonl", "rejects.csv");
    static final Path NIGHT = Path.of("sample-nightly", DATE);

    @TempDir
    static Path tmp;
    static Path roster;

    @BeforeAll
    static void generateRoster() {
        roster = tmp.resolve("roster.csv");
        assertThat(HublinksCommand.execute("generate-roster", "--rows", String.valueOf(LEARNERS), "--out",
                roster.toString(), "--seed", "12")).isZero();
    }

    @Test
    void aDiskThatFillsUpInExportCampaignIsNamedAndTheSameCommandResumesOnceThereIsSpace() throws Exception {
        Path calm = tmp.resolve("uninterrupted");
        Result baseline = run(calm, calm.resolve("out"));
        assertThat(baseline.exitCode()).as(baseline.err()).isZero();
        long exportBytes = 0;
        for (String file : List.of("email.csv", "sms.csv", "inapp.jsonl")) {
            exportBytes += Files.size(calm.resolve("out").resolve(NIGHT).resolve(file));
        }

        Path full = tmp.resolve("full");
        try (Tmpfs disk = Tmpfs.mount(full.resolve("out"), "16m")) {
            Path ballast = disk.fillLeaving(exportBytes / 2); // the exports stop fitting half way through

            Result failed = run(full, disk.mountPoint());
            assertThat(failed.exitCode()).as(failed.err()).isEqualTo(ExitCodes.FAILED);
            Path folder = disk.mountPoint().resolve(NIGHT);
            assertThat(failed.err().strip()).matches("hublinks: sample-nightly " + DATE + " failed in step exportCampaign:"
                    + " cannot write " + folder + "/(email\\.csv|sms\\.csv|inapp\\.jsonl)\\.part: no space left on device,"
                    + " [\\d,]+ bytes free on " + disk.mountPoint() + " \\(tmpfs\\); free some space there;"
                    + " run the same command again to resume");
            // what Spring Batch made of it: a night it would refuse to restart
            assertThat(CrashAndResumeTest.count(full, "select count(*) from batch_job_execution where status = 'UNKNOWN'"))
                    .isEqualTo(1);
            long committed = CrashAndResumeTest.count(full, "select write_count from batch_step_execution"
                    + " where step_name = 'exportCampaign'");
            assertThat(committed).isPositive().isLessThan(LEARNERS);

            Files.delete(ballast); // ops free some space, and run the same command again
            Result resumed = run(full, disk.mountPoint());
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();

            // resumed after the last committed chunk, not redone
            assertThat(CrashAndResumeTest.count(full, "select count(*) from batch_job_instance")).isEqualTo(1);
            assertThat(CrashAndResumeTest.count(full, "select read_count from batch_step_execution"
                    + " where step_name = 'exportCampaign' order by step_execution_id desc limit 1"))
                    .isEqualTo(CrashAndResumeTest.count(calm, "select read_count from batch_step_execution"
                            + " where step_name = 'exportCampaign'") - committed);
            assertThat(CrashAndResumeTest.links(full)).isEqualTo(CrashAndResumeTest.links(calm));
            for (String file : FILES) {
                assertThat(Files.readAllBytes(folder.resolve(file))).as(file)
                        .isEqualTo(Files.readAllBytes(calm.resolve("out").resolve(NIGHT).resolve(file)));
            }
        }
    }

    record Result(int exitCode, String err) {
    }

    /** The same command each time, in this JVM: the night's database under {@code home}, its files under {@code out}. */
    static Result run(Path home, Path out) {
        List<String> command = new ArrayList<>(List.of("run", "jobs/sample-nightly.yml", "--date", DATE,
                "--roster", roster.toString(), "--hublinks.job.chunk-size=500",
                "--hublinks.links.secret-env=HUBLINKS_TEST_UNSET_VARIABLE", // the sample's demo secret file
                "--spring.datasource.url=" + ChildRun.jdbcUrl(home), "--hublinks.campaign.out-dir=" + out));
        StringWriter err = new StringWriter();
        int code = HublinksCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                command.toArray(String[]::new));
        return new Result(code, err.toString());
    }
}
