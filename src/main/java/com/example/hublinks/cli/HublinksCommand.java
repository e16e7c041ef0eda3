package com.example.hublinks.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hublinks} command line (DESIGN §5): one subcommand per thing ops, HR and comms do. */
@Command(name = "hublinks", mixinStandardHelpOptions = true, version = "hublinks 0.1",
        description = "Signs personalised eduMe seamless links for a learner roster, every night.",
        subcommands = {RunCommand.class, SignCommand.class, VerifyCommand.class, WebhooksCommand.class,
                CatalogSnapshotCommand.class, PreviewCommand.class, StatusCommand.class, GenerateRosterCommand.class,
                WorkerCommand.class, ServeCommand.class, UserCommand.class})
public class HublinksCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs one command line with its output and errors going to the given writers; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new HublinksCommand()).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> Failures.report(e, line.getErr()));
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
