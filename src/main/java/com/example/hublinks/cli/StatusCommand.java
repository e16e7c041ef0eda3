package com.example.hublinks.cli;

import com.example.hublinks.report.RunHistory;
import com.example.hublinks.support.JobSettings;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code hublinks status jobs/NAME.yml [--json] [--last N]}: the job's last runs, for a person or a script. */
@Command(name = "status", description = "List the last runs of the job: run date, attempt, status, counts, duration."
        + " A resumed run shows once per execution.")
class StatusCommand extends JobCommand {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @Option(names = "--json", description = "JSON for scripts instead of a table")
    boolean json;

    @Option(names = "--last", paramLabel = "N", defaultValue = "10", description = "How many runs (default ${DEFAULT-VALUE})")
    int last;

    @Override
    int run(ConfigurableApplicationContext context) {
        String job = context.getBean(JobSettings.class).name();
        List<RunHistory.Run> runs = context.getBean(RunHistory.class).last(job, last);
        PrintWriter out = commandLine().getOut();
        if (json) {
            out.println(context.getBean(JsonMapper.class).rebuild().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(runs));
        } else if (runs.isEmpty()) {
            out.println(job + ": no runs yet");
        } else {
            out.printf(Locale.ROOT, "%-10s %7s %-9s %-19s %9s %9s %9s %9s  %s%n", "run date", "attempt", "status",
                    "started", "seconds", "read", "signed", "exported", "note");
            for (RunHistory.Run r : runs) {
                out.printf(Locale.ROOT, "%-10s %7d %-9s %-19s %9.1f %9d %9d %9d  %s%n", r.runDate(), r.attempt(),
                        r.status(), r.started() == null ? "" : STARTED.format(r.started()), r.seconds(), r.read(),
                        r.signed(), r.exported(), note(r));
            }
        }
        out.flush();
        return 0;
    }

    private static String note(RunHistory.Run r) {
        if (r.guardStopped()) {
            return "stopped by the guard";
        }
        if ("STOPPED".equals(r.status())) {
            return "stopped on request (SIGTERM): the same command resumes it";
        }
        if (r.failedStep() != null && !"COMPLETED".equals(r.status())) {
            return "failed in " + r.failedStep();
        }
        return "STARTED".equals(r.status()) ? "running (or its process died: the next run recovers it)" : "";
    }
}
