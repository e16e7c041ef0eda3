package com.example.hublinks.cli;

import com.example.hublinks.roster.NextNightRoster;
import com.example.hublinks.roster.RosterGenerator;
import com.example.hublinks.support.SettingsException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code hublinks generate-roster (--rows N | --next-of FILE) --out FILE [--seed S] [--churn C] [--bad-phones B]}:
 * a made-up roster for benchmarks, or the next night's of one. No job file, no database.
 */
@Command(name = "generate-roster", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Write a realistic, made-up roster CSV in the sample job's columns, for benchmarks and load tests:"
                + " the same options always give the same bytes.",
                "With --rows: N learners (ids E0000001…, about 1 in 30 without an email and 1 in 40 without a phone).",
                "With --next-of: the next night's roster of a file generate-roster wrote: of its learners, a share"
                        + " --churn changed their email (a new address, or one where they had none), as many left"
                        + " (their rows dropped) and as many joined (ids after the largest, appended at the end, as"
                        + " an HR export appends joiners); every other row is copied byte for byte. The file is read"
                        + " twice, a row at a time: memory does not grow with it."},
        footer = {"", "Examples:",
                "  hublinks generate-roster --rows 1000000 --out night1.csv",
                "  hublinks generate-roster --next-of night1.csv --out night3.csv   (0.25%% each)",
                "  hublinks generate-roster --rows 1000000 --bad-phones 0.14 --out messy.csv"})
class GenerateRosterCommand implements Callable<Integer> {

    static final double DEFAULT_CHURN = 0.0025;

    @Option(names = "--rows", paramLabel = "N", description = "Learners to write (or --next-of)")
    Long rows;

    @Option(names = "--next-of", paramLabel = "FILE",
            description = "A roster generate-roster wrote: write its next night's instead (or --rows)")
    Path nextOf;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--churn", paramLabel = "C", description = "With --next-of: the share, 0 to 0.5, of learners"
            + " who changed email, and of those who left, and of joiners (default: 0.0025, i.e. 0.25%% each)")
    Double churn;

    @Option(names = "--bad-phones", paramLabel = "B", defaultValue = "0", description = "The share, 0 to 1, of"
            + " phone numbers written unusable as in real HR data: too few digits, a letter for a digit, a desk"
            + " extension alone, a placeholder such as n/a (default: ${DEFAULT-VALUE}: every number valid, the"
            + " same bytes as without the option). With --next-of: of the joiners' numbers")
    double badPhones;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if ((rows == null) == (nextOf == null)) {
            throw new SettingsException(rows == null ? "--rows" : "--next-of",
                    "give either --rows N (a new roster) or --next-of FILE (the next night's of one), not "
                            + (rows == null ? "neither" : "both"));
        }
        if (rows != null && rows < 0) {
            throw new SettingsException("--rows", "must be 0 or more, was " + rows);
        }
        if (churn != null && nextOf == null) {
            throw new SettingsException("--churn", "only with --next-of FILE");
        }
        double share = churn == null ? DEFAULT_CHURN : churn;
        if (!(share >= 0 && share <= 0.5)) {
            throw new SettingsException("--churn", "must be a share between 0 and 0.5 (0.0025 is 0.25%), was " + churn);
        }
        if (!(badPhones >= 0 && badPhones <= 1)) {
            throw new SettingsException("--bad-phones", "must be a share between 0 and 1 (0.14 is 14%), was " + badPhones);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new SettingsException("--out", "folder " + parent + " does not exist");
        }
        if (nextOf != null) {
            return next(share);
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            new RosterGenerator(rows, seed, badPhones).writeTo(writer);
        }
        spec.commandLine().getOut().println("hublinks: wrote " + rows + " learners to " + out);
        return 0;
    }

    private int next(double share) throws IOException {
        if (!Files.isRegularFile(nextOf)) {
            throw new SettingsException("--next-of", "file " + nextOf + " does not exist");
        }
        if (Files.exists(out) && Files.isSameFile(out, nextOf)) {
            throw new SettingsException("--out", "must not be the --next-of file " + nextOf + ": it is read while written");
        }
        NextNightRoster.NextNight night;
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            night = NextNightRoster.write(nextOf, writer, seed, share, badPhones);
        } catch (NextNightRoster.NotGeneratedException e) {
            Files.deleteIfExists(out);
            throw new SettingsException("--next-of", e.getMessage());
        }
        spec.commandLine().getOut().printf("hublinks: wrote %d learners to %s: the next night of %s's %d, of whom %d"
                        + " changed email and %d left; %d joined%n", night.written(), out, nextOf, night.read(),
                night.changedEmail(), night.left(), night.joined());
        return 0;
    }
}
