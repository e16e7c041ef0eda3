package com.example.hublinks.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.support.ExitCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a job definition with DESIGN's own example URL, {@code jdbc:h2:file:./data/x} (no
 * {@code AUTO_SERVER}), and a second run of it, from another JVM, while the first runs. The first
 * process held the file, so the second could not even read the run lock: it ended with exit 1 and
 * H2's "The file is locked", which cron's alerting reads as "failed, rerun". Now the second run is
 * refused with exit 4 and touches nothing — and so is one whose URL keeps the file to one process
 * on purpose ({@code AUTO_SERVER=FALSE}) — and the first run completes.
 */
class SecondRunOnPlainH2Test {

    static final String DATE = "2026-02-04";

    @TempDir
    Path home;

    @Test
    void aSecondRunWhileTheFirstHoldsAPlainH2FileIsExitFourAndTouchesNothing() throws Exception {
        Path job = home.resolve("plain-h2.yml");
        Files.writeString(job, Files.readString(Path.of("jobs/sample-nightly.yml"), StandardCharsets.UTF_8)
                .replace("sample-data/", Path.of("sample-data").toAbsolutePath() + "/")
                + "spring:\n  datasource:\n    url: jdbc:h2:file:./data/x\n", StandardCharsets.UTF_8);
        Path roster = home.resolve("roster.csv");
        assertThat(com.example.hublinks.cli.HublinksCommand.execute("generate-roster", "--rows", "20000", "--out",
                roster.toString(), "--seed", "4")).isZero();
        // small chunks: the first run takes long enough for two more JVMs to start and be refused meanwhile
        List<String> args = List.of("--date", DATE, "--roster", roster.toString(), "--hublinks.job.chunk-size=10",
                "--hublinks.ops.progress-every=0s", "--hublinks.links.secret-env=HUBLINKS_TEST_UNSET_VARIABLE");

        ChildRun first = ChildRun.launch(home, "first", "run", job, home, args);
        assertThat(first.awaitLines(line -> line.contains(" importRoster: "), 5)).as(first.log()).isTrue();

        ChildRun second = ChildRun.launch(home, "second", "run", job, home, args);
        List<String> oneProcessOnly = new ArrayList<>(args);
        oneProcessOnly.add("--spring.datasource.url=jdbc:h2:file:./data/x;AUTO_SERVER=FALSE");
        ChildRun third = ChildRun.launch(home, "third", "run", job, home, oneProcessOnly);

        assertThat(second.waitForExit()).as(second.log()).isEqualTo(ExitCodes.LOCKED);
        assertThat(second.log()).contains("hublinks: another run of sample-nightly is in progress (lock held by")
                .contains("nothing was touched").doesNotContain("Starting sample-nightly");
        assertThat(third.waitForExit()).as(third.log()).isEqualTo(ExitCodes.LOCKED);
        assertThat(third.log().strip()).endsWith("hublinks: another run of sample-nightly holds it: its H2 database"
                + " jdbc:h2:file:./data/x is open in another process, and its URL keeps the file to one process;"
                + " nothing was touched");
        assertThat(first.process().isAlive()).as("the first run was still running").isTrue();

        assertThat(first.waitForExit()).as(first.log()).isZero();
        assertThat(first.log()).contains("sample-nightly " + DATE + " completed");
        String url = "jdbc:h2:file:" + home.resolve("data/x") + ";AUTO_SERVER=TRUE";
        try (var db = java.sql.DriverManager.getConnection(url, "sa", "");
             var rs = db.createStatement().executeQuery("select count(*) from batch_job_execution")) {
            rs.next();
            assertThat(rs.getLong(1)).as("one execution: the first run's").isEqualTo(1);
        }
    }
}
