package com.example.hublinks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.cli.CommandLineTest.Result;
import com.example.hublinks.roster.RosterGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate-roster}: a roster, the next night's of one, and one line with exit 2 naming the option at fault. */
class GenerateRosterCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesARosterAndItsNextNight() throws Exception {
        Path night1 = dir.resolve("night1.csv");
        Path night3 = dir.resolve("night3.csv");
        Result first = CommandLineTest.hublinks("generate-roster", "--rows", "2000", "--out", night1.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("wrote 2000 learners to " + night1);

        Result next = CommandLineTest.hublinks("generate-roster", "--next-of", night1.toString(), "--out",
                night3.toString(), "--seed", "3");
        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(next.out()).contains("wrote 2000 learners to " + night3)
                .contains("2000, of whom 5 changed email and 5 left; 5 joined");
        assertThat(Files.readString(night3)).startsWith(RosterGenerator.HEADER + "\r\n").contains("\r\nE0002005,")
                .doesNotContain("E0002006");

        Result churned = CommandLineTest.hublinks("generate-roster", "--next-of", night1.toString(), "--out",
                night3.toString(), "--churn", "0.1");
        assertThat(churned.out()).contains("of whom 200 changed email and 200 left; 200 joined");
    }

    @Test
    void badPhonesZeroIsTheDefault() throws Exception {
        Path plain = dir.resolve("plain.csv");
        Path zero = dir.resolve("zero.csv");
        Path messy = dir.resolve("messy.csv");
        CommandLineTest.hublinks("generate-roster", "--rows", "500", "--out", plain.toString());
        CommandLineTest.hublinks("generate-roster", "--rows", "500", "--out", zero.toString(), "--bad-phones", "0");
        CommandLineTest.hublinks("generate-roster", "--rows", "500", "--out", messy.toString(), "--bad-phones", "0.5");
        assertThat(Files.readString(zero)).isEqualTo(Files.readString(plain));
        assertThat(Files.readString(messy)).isNotEqualTo(Files.readString(plain));
    }

    @Test
    void aWrongOptionIsExitTwoNamingIt() throws Exception {
        Path roster = dir.resolve("roster.csv");
        CommandLineTest.hublinks("generate-roster", "--rows", "10", "--out", roster.toString());
        Path notOurs = dir.resolve("hr.csv");
        Files.writeString(notOurs, "id,name\r\n1,Ann\r\n");
        String out = dir.resolve("next.csv").toString();

        assertExitTwo("--next-of: file " + dir.resolve("gone.csv") + " does not exist",
                "--next-of", dir.resolve("gone.csv").toString(), "--out", out);
        assertExitTwo("--next-of: " + notOurs + " is not a roster written by generate-roster",
                "--next-of", notOurs.toString(), "--out", out);
        assertThat(dir.resolve("next.csv")).doesNotExist();
        assertExitTwo("--churn: must be a share between 0 and 0.5", "--next-of", roster.toString(), "--out", out,
                "--churn", "0.7");
        assertExitTwo("--churn: must be a share between 0 and 0.5", "--next-of", roster.toString(), "--out", out,
                "--churn", "-0.1");
        assertExitTwo("--churn: only with --next-of", "--rows", "10", "--out", out, "--churn", "0.1");
        assertExitTwo("--bad-phones: must be a share between 0 and 1", "--rows", "10", "--out", out,
                "--bad-phones", "1.5");
        assertExitTwo("--next-of: give either --rows N", "--rows", "10", "--next-of", roster.toString(), "--out", out);
        assertExitTwo("--rows: give either --rows N", "--out", out);
        assertExitTwo("--out: must not be the --next-of file", "--next-of", roster.toString(), "--out",
                roster.toString());
        assertThat(Files.readString(roster)).startsWith(RosterGenerator.HEADER);
    }

    @Test
    void theHelpTellsWhatTheNextNightIs() {
        Result help = CommandLineTest.hublinks("generate-roster", "--help");
        String text = help.out() + help.err();
        assertThat(text).contains("--next-of").contains("--churn").contains("0.25%").contains("--bad-phones")
                .contains("appended at the end");
    }

    private static void assertExitTwo(String message, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "generate-roster";
        System.arraycopy(options, 0, args, 1, options.length);
        Result result = CommandLineTest.hublinks(args);
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err()).contains("hublinks: " + message);
        assertThat(result.err().lines()).hasSize(1);
    }
}
