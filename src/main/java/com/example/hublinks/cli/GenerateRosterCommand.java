package com.example.hublinks.cli;

import com.example.hublinks.SettingsException;
import com.example.hublinks.roster.RosterGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hublinks generate-roster --rows N --out FILE [--seed S]}: a made-up roster for benchmarks. No job file, no database. */
@Command(name = "generate-roster", description = "Write a realistic, made-up roster CSV in the sample job's columns"
        + " (the same --rows and --seed always give the same bytes), for benchmarks and load tests.")
class GenerateRosterCommand implements Callable<Integer> {

    @Option(names = "--rows", required = true, paramLabel = "N", description = "Learners to write")
    long rows;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (rows < 0) {
            throw new SettingsException("--rows", "must be 0 or more, was " + rows);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new SettingsException("--out", "folder " + parent + " does not exist");
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            new RosterGenerator(rows, seed).writeTo(writer);
        }
        spec.commandLine().getOut().println("hublinks: wrote " + rows + " learners to " + out);
        return 0;
    }
}
