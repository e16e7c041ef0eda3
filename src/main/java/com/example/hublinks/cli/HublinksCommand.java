package com.example.hublinks.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hublinks} command line (DESIGN §5): one subcommand per thing ops, HR and comms do. */
@Command(name = "hublinks", mixinStandardHelpOptions = true, version = "hublinks 0.1",
        description = "Signs personalised eduMe seamless links for a learner roster, every night.",
        subcommands = {RunCommand.class, SignCommand.class, VerifyCommand.class})
public class HublinksCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new HublinksCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> Failures.report(e, line.getErr()));
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
