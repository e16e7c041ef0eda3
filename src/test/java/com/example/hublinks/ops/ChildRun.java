package com.example.hublinks.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code hublinks run …} (or {@code worker …}) as its own JVM, the way cron starts it: the test JVM's classpath and
 * main class (so it works before the jar is built), output to a log file. One night's folder
 * holds its file database and its output, so two folders are two independent installations.
 */
record ChildRun(Path home, Path logFile, Process process) {

    static ChildRun start(Path home, String name, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(settings(home));
        return launch(home, name, "run", all);
    }

    /** {@code hublinks COMMAND jobs/sample-nightly.yml ARGS…} as its own JVM, its output in {@code home/NAME.log}. */
    static ChildRun launch(Path home, String name, String subcommand, List<String> args) {
        return launch(home, name, subcommand, Path.of("jobs/sample-nightly.yml"), null, args);
    }

    /** {@code hublinks COMMAND JOB ARGS…} run from {@code workingDirectory} (null: this JVM's). */
    static ChildRun launch(Path home, String name, String subcommand, Path job, Path workingDirectory, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "com.example.hublinks.cli.HublinksCommand",
                subcommand, job.toString()));
        command.addAll(args);
        Path log = home.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().remove("EDUME_SIGNING_SECRET"); // the sample's demo secret file, in every run
        try {
            return new ChildRun(home, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings that make {@code home} one installation: its H2 file database and its output folder. */
    static List<String> settings(Path home) {
        return List.of("--spring.datasource.url=" + jdbcUrl(home), "--hublinks.campaign.out-dir=" + home.resolve("out"));
    }

    /**
     * The default URL's H2 file database, with commits written to the file at once: by default H2
     * writes them within half a second, so a kill may cost the last few commits (they are redone,
     * with the same result); written at once, the test can tell a resumed step from a redone one.
     */
    static String jdbcUrl(Path home) {
        return "jdbc:h2:file:" + home.resolve("db/hublinks") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    int waitForExit() throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("run did not end; its log:\n" + log());
        }
        return process.exitValue();
    }

    /** Waits until the log has {@code count} lines matching, or the run ended; true when it has. */
    boolean awaitLines(Predicate<String> line, int count) throws InterruptedException {
        while (process.isAlive()) {
            if (log().lines().filter(line).count() >= count) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** SIGTERM, as systemd or Kubernetes stop a service; waits for the process to end. */
    int stop() throws InterruptedException {
        process.destroy();
        return waitForExit();
    }

    void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no lock release
        process.waitFor();
    }

    String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
