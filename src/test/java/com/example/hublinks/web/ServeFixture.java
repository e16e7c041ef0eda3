package com.example.hublinks.web;

import com.example.hublinks.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a test of {@code hublinks serve} sets up before the server starts: its folder (roster,
 * users file, output) under target/, the users file as {@code hublinks user add} writes it, and a
 * roster with rejects: the sample roster plus new learners and bad rows.
 */
final class ServeFixture {

    static final String HR = "hr1";
    static final String HR_PASSWORD = "Sample-pass-42";
    static final String OPS = "ops1";
    static final String OPS_PASSWORD = "Sample-pass-43";
    static final Path SAMPLE_ROSTER = Path.of("sample-data/roster.csv");

    private ServeFixture() {
    }

    /** A fresh folder: {@code roster.csv} (the sample's), {@code users} (hr1, ops1), {@code out/}. */
    static Path home(String name) {
        Path home = Path.of("target/test-out", name).toAbsolutePath();
        try {
            TestFiles.deleteRecursively(home);
            Files.createDirectories(home);
            Files.copy(SAMPLE_ROSTER, home.resolve("roster.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UsersFile.add(home.resolve("users"), HR, UsersFile.Role.HR, HR_PASSWORD.toCharArray());
        UsersFile.add(home.resolve("users"), OPS, UsersFile.Role.OPS, OPS_PASSWORD.toCharArray());
        return home;
    }

    /** The settings that make {@code home} the server's installation, for {@code @DynamicPropertySource}. */
    static List<String[]> settings(Path home, String database) {
        return List.of(new String[] {"spring.datasource.url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1"},
                new String[] {"hublinks.campaign.out-dir", home.resolve("out").toString()},
                new String[] {"hublinks.roster.path", home.resolve("roster.csv").toString()},
                new String[] {"hublinks.serve.users-file", home.resolve("users").toString()});
    }

    /**
     * The sample roster (51 rows, one duplicate id rejected) with three new learners E9001–E9003
     * and three bad rows: two emails that are no address (and no phone), one team eduMe does not
     * know ({@link #lineOf} finds their lines).
     */
    static Path rosterWithRejects(Path dir) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE_ROSTER, StandardCharsets.UTF_8));
            while (lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            lines.addAll(List.of(
                    "E9001,Nadia,Khan,nadia.khan@example.com,+44 7958 111001,London",
                    "E9002,Tom,Price,tom.price@example.com,+44 7958 111002,London",
                    "E9003,Ines,Moreau,ines.moreau@example.com,+44 7958 111003,London",
                    "E9101,Paul,Gray,paul.gray.at.example.com,,London",
                    "E9102,Rita,Lowe,rita.lowe(at)example.com,,London",
                    "E9103,Sam,Hill,sam.hill@example.com,+44 7958 111004,Atlantis"));
            Path file = dir.resolve("roster-with-rejects.csv");
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The physical line (1-based) of the row of that user id. */
    static long lineOf(Path roster, String externalUserId) {
        List<String> lines = TestFiles.lines(roster);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(externalUserId + ",")) {
                return i + 1;
            }
        }
        throw new AssertionError(externalUserId + " is not in " + roster);
    }
}
