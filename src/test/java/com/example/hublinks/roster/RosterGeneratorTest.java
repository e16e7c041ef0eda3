package com.example.hublinks.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.catalog.CatalogSnapshot;
import com.example.hublinks.catalog.SnapshotDirectory;
import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The benchmark roster: deterministic, in the sample's columns, and clean enough to import whole;
 * its unusable phones when asked for; and the next night's roster of one.
 */
class RosterGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void theSameRowsAndSeedGiveTheSameBytes() throws Exception {
        assertThat(generate(500, 7)).isEqualTo(generate(500, 7)).isNotEqualTo(generate(500, 8));
        assertThat(generate(500, 7)).startsWith(RosterGenerator.HEADER + "\r\nE0000001,");
        assertThat(generate(0, 7)).isEqualTo(RosterGenerator.HEADER + "\r\n");
    }

    @Test
    void everyRowValidatesAgainstTheSampleCatalogWithTheVarietyHrFilesHave() throws Exception {
        Path file = dir.resolve("roster.csv");
        Files.writeString(file, generate(3000, 1));
        RosterSettings settings = new RosterSettings(RosterSettings.Source.CSV, file,
                "auto", java.nio.charset.StandardCharsets.UTF_8, "GB",
                new RosterSettings.Columns("employee_id", "first_name", "last_name", "email", "mobile", "team",
                        "locale"), null);
        CatalogSnapshot snapshot = new SnapshotDirectory(Path.of("sample-data/catalog"), tools.jackson.databind.json.JsonMapper.builder().build()).read();
        RosterValidator validator = new RosterValidator(settings.columns(), new Catalog(snapshot, Map.of()),
                new ContactRules("GB"), true);

        List<ValidatedRow> rows = new ArrayList<>();
        RosterCsvReader reader = new RosterCsvReader(file, settings);
        reader.open(new ExecutionContext());
        for (RosterRow row; (row = reader.read()) != null; ) {
            rows.add(validator.process(row));
        }
        reader.close();

        assertThat(rows).hasSize(3000);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.reject()).as("%s", row.reject()).isNull();
            assertThat(row.warnings()).isEmpty();
        });
        List<Learner> learners = rows.stream().map(ValidatedRow::learner).toList();
        assertThat(learners).anyMatch(l -> !l.hasEmail()).anyMatch(l -> !l.hasPhone())
                .anyMatch(l -> l.lastName().endsWith(", Jr.")).anyMatch(l -> l.firstName().matches(".*[éëá].*"))
                .anyMatch(l -> l.phone().startsWith("+33")).anyMatch(l -> l.phone().startsWith("+44"))
                .allMatch(l -> l.hasEmail() || l.hasPhone());
        assertThat(learners).extracting(Learner::teamIds).contains(List.of(5L), List.of(6L), List.of(7L), List.of(21L),
                List.of(22L));
    }

    @Test
    void withoutBadPhonesTheBytesAreThoseOfEarlierReleases() throws Exception {
        // SHA-256 of what generate-roster --rows 5000 --seed 1 (and --seed 7) wrote before --bad-phones existed
        assertThat(sha256(generate(5000, 1))).isEqualTo("ac4104918c2c60e32424911bb85e9c088f16b2c88d0b7d6b807963368559a184");
        assertThat(sha256(generate(5000, 7))).isEqualTo("e59b96cc8cd775a1d19d67d51223033e466a843bac214f19971cac19e90e071a");
        assertThat(generate(5000, 1, 0)).isEqualTo(generate(5000, 1));
    }

    @Test
    void badPhonesSpoilThatShareOfNumbersAndNothingElse() throws Exception {
        List<String[]> clean = rows(generate(20_000, 3));
        List<String[]> messy = rows(generate(20_000, 3, 0.14));
        assertThat(generate(20_000, 3, 0.14)).isEqualTo(generate(20_000, 3, 0.14));
        assertThat(messy).hasSameSizeAs(clean);
        ContactRules rules = new ContactRules("GB");
        int phones = 0;
        int spoiled = 0;
        Set<String> shapes = new java.util.TreeSet<>();
        for (int i = 0; i < clean.size(); i++) {
            String[] before = clean.get(i);
            String[] after = messy.get(i);
            for (int cell = 0; cell < 6; cell++) {
                if (cell != 4) {
                    assertThat(after[cell]).isEqualTo(before[cell]);
                }
            }
            if (before[4].isEmpty()) {
                assertThat(after[4]).isEmpty(); // no phone stays no phone
                continue;
            }
            phones++;
            assertThat(rules.toE164(before[4])).as(before[4]).isNotNull();
            if (!after[4].equals(before[4])) {
                spoiled++;
                assertThat(rules.toE164(after[4])).as(after[4]).isNull();
                shapes.add(after[4].replaceAll("[0-9]", "9"));
            }
        }
        assertThat((double) spoiled / phones).isBetween(0.13, 0.15);
        assertThat(shapes).contains("99999 9999", "+99 9 99 99 99 9", "99999 9999O9", "+99 9 99 99 99 O9", "x9999",
                "ext. 9999", "n/a", "TBC");
    }

    @Test
    void theNextNightChangesLeavesAndJoinsTheChurnShareAndCopiesTheRestByteForByte() throws Exception {
        Path night1 = write("night1.csv", generate(20_000, 5));
        String next = nextOf(night1, 1, 0.0025, 0);

        Map<String, String> before = linesById(Files.readString(night1));
        Map<String, String> after = linesById(next);
        List<String> left = before.keySet().stream().filter(id -> !after.containsKey(id)).toList();
        List<String> joined = after.keySet().stream().filter(id -> !before.containsKey(id)).toList();
        List<String> changed = before.keySet().stream()
                .filter(id -> after.containsKey(id) && !after.get(id).equals(before.get(id))).toList();
        assertThat(left).hasSize(50);
        assertThat(changed).hasSize(50);
        assertThat(joined).hasSize(50);

        // the joiners: new ids after the largest, in order, at the end, padded like the others
        List<String> lastIds = new ArrayList<>(after.keySet()).subList(after.size() - 50, after.size());
        assertThat(joined).isEqualTo(lastIds);
        for (int i = 0; i < 50; i++) {
            assertThat(joined.get(i)).isEqualTo(String.format("E%07d", 20_001 + i));
        }
        // the learners who stayed keep their order
        List<String> stayed = before.keySet().stream().filter(after::containsKey).toList();
        assertThat(new ArrayList<>(after.keySet()).subList(0, after.size() - 50)).isEqualTo(stayed);

        // a changed learner differs only in their email, which is a new, valid address
        ContactRules rules = new ContactRules("GB");
        ICSVParser parser = new RFC4180ParserBuilder().build();
        for (String id : changed) {
            String[] old = parser.parseLine(before.get(id));
            String[] now = parser.parseLine(after.get(id));
            assertThat(now).hasSize(6);
            for (int cell = 0; cell < 6; cell++) {
                if (cell != 3) {
                    assertThat(now[cell]).isEqualTo(old[cell]);
                }
            }
            assertThat(now[3]).isNotEqualTo(old[3]);
            assertThat(rules.emailProblem(now[3])).as(now[3]).isNull();
        }
        // everyone else's line is the same bytes, quoted names included
        assertThat(stayed.stream().filter(id -> !changed.contains(id)).filter(id -> before.get(id).contains("\""))
                .count()).isGreaterThan(10);
        assertThat(next).startsWith(RosterGenerator.HEADER + "\r\n").endsWith("\r\n").doesNotContain("\n\n");
        for (String id : stayed) {
            if (!changed.contains(id)) {
                assertThat(next).contains("\n" + before.get(id) + "\r\n");
            }
        }
    }

    @Test
    void theNextNightIsTheSameForTheSameFileAndSeed() throws Exception {
        Path night1 = write("night1.csv", generate(3000, 1));
        assertThat(nextOf(night1, 9, 0.01, 0)).isEqualTo(nextOf(night1, 9, 0.01, 0))
                .isNotEqualTo(nextOf(night1, 10, 0.01, 0));
        assertThat(nextOf(night1, 9, 0, 0)).as("no churn: the same file").isEqualTo(Files.readString(night1));
    }

    @Test
    void aChangedLearnerKeepsTheQuotesOfTheirNameAndOneWithoutEmailGetsOne() throws Exception {
        Path night1 = write("night1.csv", generate(3000, 2));
        String next = nextOf(night1, 1, 0.5, 0); // every learner either leaves or changes email
        Map<String, String> before = linesById(Files.readString(night1));
        Map<String, String> after = linesById(next);
        ICSVParser parser = new RFC4180ParserBuilder().build();
        int quoted = 0;
        int given = 0;
        for (Map.Entry<String, String> row : after.entrySet()) {
            String old = before.get(row.getKey());
            if (old == null) {
                continue; // a joiner
            }
            String[] cells = parser.parseLine(old);
            String expected = old.replace("," + cells[3] + "," + cells[4] + "," + cells[5],
                    "," + parser.parseLine(row.getValue())[3] + "," + cells[4] + "," + cells[5]);
            assertThat(row.getValue()).isEqualTo(expected);
            quoted += old.contains("\"") ? 1 : 0;
            given += cells[3].isEmpty() ? 1 : 0;
        }
        assertThat(after.size()).isEqualTo(3000);
        assertThat(quoted).isPositive();
        assertThat(given).isPositive();
    }

    @Test
    void theNextNightsJoinersValidateAndANextNightOfANextNightGoesOn() throws Exception {
        Path night1 = write("night1.csv", generate(4000, 4));
        Path night2 = write("night2.csv", nextOf(night1, 1, 0.05, 0));
        String night3 = nextOf(night2, 2, 0.05, 0);
        Map<String, String> ids = linesById(night3);
        assertThat(ids).hasSize(4000).containsKey("E0004400").doesNotContainKey("E0004401");
        List<ValidatedRow> rows = validate(write("night3.csv", night3));
        assertThat(rows).hasSize(4000).allSatisfy(row -> {
            assertThat(row.reject()).as("%s", row.reject()).isNull();
            assertThat(row.warnings()).isEmpty();
        });
        // joiners' phones can be spoiled too
        String messy = nextOf(night1, 1, 0.5, 1);
        List<String[]> joiners = rows(messy).subList(2000, 4000);
        ContactRules rules = new ContactRules("GB");
        assertThat(joiners).allMatch(cells -> cells[4].isEmpty() || rules.toE164(cells[4]) == null);
    }

    @Test
    void aFileTheGeneratorDidNotWriteIsRefused() throws Exception {
        Path other = write("other.csv", "employee_id,first_name,last_name,email,mobile,team\r\nE1,Ann,Lee,a@b.co,,London\r\n"
                + "not an id,Bob,Lee,b@b.co,,London\r\n");
        assertThatNextOf(other).hasMessageContaining("line 3 is not a row of 6 cells");
        assertThatNextOf(write("header.csv", "id,name\r\nE1,Ann\r\n")).hasMessageContaining("its header is not");
        assertThatNextOf(write("short.csv", RosterGenerator.HEADER + "\r\nE0000001,Ann,Lee,a@b.co,London\r\n"))
                .hasMessageContaining("line 2");
        assertThatNextOf(write("quote.csv", RosterGenerator.HEADER + "\r\nE0000001,Ann,\"Lee\r\n,a@b.co,,London\r\n"))
                .hasMessageContaining("line 2");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (RosterGenerator.HEADER + "\r\nE0000001,Zo\u00eb,Lee,a@b.co,,London\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatNextOf(latin1).hasMessageContaining("not UTF-8");
    }

    private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertThatNextOf(Path file) {
        return org.assertj.core.api.Assertions.assertThatThrownBy(() -> nextOf(file, 1, 0.0025, 0))
                .isInstanceOf(NextNightRoster.NotGeneratedException.class)
                .hasMessageContaining("is not a roster written by generate-roster");
    }

    private List<ValidatedRow> validate(Path file) throws Exception {
        RosterSettings settings = new RosterSettings(RosterSettings.Source.CSV, file,
                "auto", StandardCharsets.UTF_8, "GB",
                new RosterSettings.Columns("employee_id", "first_name", "last_name", "email", "mobile", "team",
                        "locale"), null);
        CatalogSnapshot snapshot = new SnapshotDirectory(Path.of("sample-data/catalog"),
                tools.jackson.databind.json.JsonMapper.builder().build()).read();
        RosterValidator validator = new RosterValidator(settings.columns(), new Catalog(snapshot, Map.of()),
                new ContactRules("GB"), true);
        List<ValidatedRow> rows = new ArrayList<>();
        RosterCsvReader reader = new RosterCsvReader(file, settings);
        reader.open(new ExecutionContext());
        for (RosterRow row; (row = reader.read()) != null; ) {
            rows.add(validator.process(row));
        }
        reader.close();
        return rows;
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static String nextOf(Path roster, long seed, double churn, double badPhones) throws IOException {
        StringWriter out = new StringWriter();
        NextNightRoster.write(roster, out, seed, churn, badPhones);
        return out.toString();
    }

    /** Each data line (without its CRLF) by its id, in file order. */
    private static Map<String, String> linesById(String csv) {
        return csv.lines().skip(1).collect(Collectors.toMap(line -> line.substring(0, line.indexOf(',')), line -> line,
                (a, b) -> {
                    throw new AssertionError("duplicate id: " + a);
                }, LinkedHashMap::new));
    }

    private static List<String[]> rows(String csv) {
        ICSVParser parser = new RFC4180ParserBuilder().build();
        return csv.lines().skip(1).map(line -> {
            try {
                return parser.parseLine(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String generate(long rows, long seed) throws Exception {
        StringWriter out = new StringWriter();
        new RosterGenerator(rows, seed).writeTo(out);
        return out.toString();
    }

    private static String generate(long rows, long seed, double badPhones) throws Exception {
        StringWriter out = new StringWriter();
        new RosterGenerator(rows, seed, badPhones).writeTo(out);
        return out.toString();
    }
}
