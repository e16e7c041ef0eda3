package com.example.hublinks.cli;

import com.example.hublinks.job.GracefulStop;
import com.example.hublinks.job.NightlyRun;
import com.example.hublinks.job.RosterCheck;
import java.io.PrintWriter;
import java.time.LocalDate;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hublinks run jobs/NAME.yml [--date D] [--roster FILE] [--force] [--accept-shrink] [--dry-run]}: one night. */
@Command(name = "run", description = "Run the nightly job: refresh the catalog, import the roster, sign,"
        + " export, report. Exit 0 done (or already done), 1 failed (rerun resumes), 2 bad settings,"
        + " 3 stopped by the guard, 4 another run holds the lock, 143 stopped by SIGTERM (rerun resumes).")
class RunCommand extends JobCommand {

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Run date (default: today in the job's zone)")
    LocalDate date;

    @Option(names = "--roster", paramLabel = "FILE", description = "Roster CSV instead of hublinks.roster.path")
    String roster;

    @Option(names = "--force", description = "Run a date that already completed afresh")
    boolean force;

    @Option(names = "--accept-shrink", description = "Publish a roster the guard stopped because it shrank")
    boolean acceptShrink;

    @Option(names = "--dry-run", description = "Only read and validate the roster: rejects.csv and report.json in"
            + " out/JOB/check/DATE/, nothing published. Exit 0 if the guard would publish it, 3 if it would stop it.")
    boolean dryRun;

    @Override
    int run(ConfigurableApplicationContext context) throws Exception {
        NightlyRun.Request request = new NightlyRun.Request(date, roster, force, acceptShrink);
        // a SIGTERM waits for the night to stop, release its lock and say so (GracefulStop)
        try (GracefulStop.Watch night = context.getBean(GracefulStop.class).watchNight()) {
            NightlyRun.Outcome outcome = dryRun ? context.getBean(RosterCheck.class).run(request)
                    : context.getBean(NightlyRun.class).run(request);
            PrintWriter console = outcome.exitCode() == 0 ? commandLine().getOut() : commandLine().getErr();
            console.println("hublinks: " + outcome.message());
            console.flush();
            return outcome.exitCode();
        }
    }
}
