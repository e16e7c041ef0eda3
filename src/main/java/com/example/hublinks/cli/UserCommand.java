package com.example.hublinks.cli;

import com.example.hublinks.support.SettingsException;
import com.example.hublinks.web.UsersFile;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code hublinks user add NAME --role hr|ops --users-file F}: the users of {@code hublinks serve}. */
@Command(name = "user", description = "Manage the users of 'serve'.", subcommands = UserCommand.Add.class)
class UserCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "add", description = "Add a user (or give an existing one a new role and password) to the users"
            + " file: the password is read from the terminal, or from the first line of standard input, never from"
            + " an argument; the file holds its bcrypt hash. A running 'serve' reads the file again by itself.")
    static class Add implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", description = "The user name to sign in with")
        String name;

        @Option(names = "--role", required = true, paramLabel = "hr|ops",
                description = "hr: upload rosters and see the nights; ops: see the nights")
        String role;

        @Option(names = "--users-file", required = true, paramLabel = "F", description = "The users file (hublinks.serve.users-file)")
        Path usersFile;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            UsersFile.Role as;
            try {
                as = UsersFile.Role.of(role);
            } catch (IllegalArgumentException e) {
                throw new SettingsException("--role", e.getMessage());
            }
            char[] password = password();
            try {
                boolean added = UsersFile.add(usersFile, name, as, password);
                spec.commandLine().getOut().println("hublinks: " + (added ? "added " : "updated ") + name + " ("
                        + as.name().toLowerCase(java.util.Locale.ROOT) + ") in " + usersFile
                        + "; a running serve picks it up by itself");
                return 0;
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        /** Twice on a terminal (not echoed), else the first line of standard input. */
        private char[] password() throws IOException {
            Console console = System.console();
            char[] password;
            if (console != null) {
                password = console.readPassword("Password for %s: ", name);
                char[] again = console.readPassword("Same password again: ");
                if (password == null || again == null || !Arrays.equals(password, again)) {
                    throw new SettingsException("password", "the two passwords differ; nothing was changed");
                }
                Arrays.fill(again, '\0');
            } else {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                password = line == null ? new char[0] : line.toCharArray();
            }
            if (password == null || password.length == 0) {
                throw new SettingsException("password", "none given: type it when asked, or pipe it on standard input");
            }
            return password;
        }
    }
}
