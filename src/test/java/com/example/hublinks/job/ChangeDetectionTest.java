package com.example.hublinks.job;

import com.example.hublinks.TestFiles;
import com.example.hublinks.cli.HublinksCommand;
import com.example.hublinks.support.ExitCodes;
import com.opencsv.CSVReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import static org.assertj.core.api.Assertions.assertThat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A night's cost follows what changed, and what changed is exactly what HR, eduMe or ops changed:
 * each night here is the command line on the sample job against one H2 file database, and what
 * it stored and exported is checked against the night before.
 */
class ChangeDetectionTest {

    static final String SAMPLE = "sample-data/roster.csv";
    final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path home;
    JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl(home), "sa", ""));
    }

    static String jdbcUrl(Path home) {
        return "jdbc:h2:file:" + home.resolve("db/hublinks") + ";AUTO_SERVER=TRUE";
    }

    record Night(int exitCode, String err, Path folder) {
        JsonNode report() {
            return JsonMapper.builder().build().readTree(folder.resolve("report.json").toFile());
        }

        long count(String state) {
            return report().at("/counts/" + state).asLong();
        }

        List<String> lines(String file) {
            return TestFiles.lines(folder.resolve(file));
        }
    }

    Night night(String date, Path roster, String... settings) {
        List<String> args = new ArrayList<>(List.of("run", "jobs/sample-nightly.yml", "--date", date, "--roster",
                roster.toString(), "--spring.datasource.url=" + jdbcUrl(home),
                "--hublinks.campaign.out-dir=" + home.resolve("out")));
        args.addAll(List.of(settings));
        StringWriter err = new StringWriter();
        int code = HublinksCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
                args.toArray(String[]::new));
        return new Night(code, err.toString(), home.resolve("out/sample-nightly").resolve(date));
    }

    /** Every stored link as it is, and every stored learner: what an unchanged night must leave as it found. */
    Map<String, String> tables() {
        Map<String, String> rows = new TreeMap<>();
        jdbc.query("select * from learner_link order by external_user_id, kind, target_id", rs -> {
            rows.put("link " + rs.getString("external_user_id") + "/" + rs.getString("kind"), rs.getString("url") + " "
                    + rs.getString("state") + " " + rs.getDate("first_issued") + " " + rs.getDate("last_changed") + " "
                    + rs.getDate("removed_on"));
        });
        jdbc.query("select * from learner order by external_user_id", rs -> {
            rows.put("learner " + rs.getString("external_user_id"), rs.getString("email") + " " + rs.getString("phone")
                    + " " + rs.getString("team_ids") + " " + rs.getLong("fingerprint") + " " + rs.getDate("last_changed")
                    + " " + rs.getDate("removed_on"));
        });
        return rows;
    }

    Path roster(String name, UnaryOperator<String> edit) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(SAMPLE), StandardCharsets.UTF_8)) {
            String edited = edit.apply(line);
            if (edited != null) {
                lines.add(edited);
            }
        }
        Path file = home.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    static String url(JdbcTemplate jdbc, String user) {
        return jdbc.queryForObject("select url from learner_link where external_user_id = ?", String.class, user);
    }

    @Test
    void anUnchangedNightStagesSignsAndWritesNothingAndReportsWhatIsThere() {
        Night first = night("2026-05-01", Path.of(SAMPLE));
        assertThat(first.exitCode()).as(first.err()).isZero();
        Map<String, String> before = tables();

        Night second = night("2026-05-02", Path.of(SAMPLE));

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(tables()).isEqualTo(before);
        JsonNode report = second.report();
        assertThat(report.at("/counts/read").asLong()).isEqualTo(51);
        assertThat(report.at("/counts/rejected").asLong()).isEqualTo(1);
        assertThat(second.count("unchanged")).isEqualTo(50);
        assertThat(second.count("new") + second.count("changed") + second.count("removed")).isZero();
        assertThat(jdbc.queryForObject("select write_count from batch_step_execution where step_name = 'importRoster'"
                + " order by step_execution_id desc fetch first 1 rows only", Long.class)).as("staged").isZero();
        // the same rejects and contact warnings as the night that validated every row
        assertThat(second.lines("rejects.csv")).isEqualTo(first.lines("rejects.csv"));
        assertThat(second.lines("warnings.csv")).isEqualTo(first.lines("warnings.csv")).hasSize(2);
        assertThat(second.lines("email.csv")).containsExactly("email,first_name,last_name,external_user_id,link");
        assertThat(report.at("/rejectsByReason/0/reason").asString()).startsWith("duplicate external user id");
        // the very file of the night before, under the same catalog and settings: not a row was read again
        assertThat(report.at("/roster/unchangedSince").asString()).isEqualTo("2026-05-01");
        assertThat(report.at("/roster/sha256").asString()).isEqualTo(first.report().at("/roster/sha256").asString())
                .hasSize(64);
        assertThat(report.at("/rejectsByReason/0/firstLines/0").asLong()).isEqualTo(32); // E1006 again
    }

    @Test
    void aRosterOfTheSameRowsInAnotherFileIsComparedRowByRowAndFoundUnchanged() throws Exception {
        assertThat(night("2026-05-01", Path.of(SAMPLE)).exitCode()).isZero();
        Map<String, String> before = tables();
        // the same rows, saved again with Unix line ends and the rows in another order: another file
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(SAMPLE)));
        java.util.Collections.swap(lines, 1, 2);
        Path resaved = home.resolve("resaved.csv");
        Files.writeString(resaved, String.join("\n", lines) + "\n");

        Night second = night("2026-05-02", resaved);

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.report().at("/roster/unchangedSince").isNull()).isTrue();
        assertThat(second.count("unchanged")).isEqualTo(50);
        assertThat(second.count("new") + second.count("changed") + second.count("removed")).isZero();
        assertThat(tables()).isEqualTo(before);
        // the rows moved, so do their line numbers
        assertThat(second.lines("warnings.csv").get(1)).startsWith("14,E1013");
        assertThat(second.lines("rejects.csv").get(1)).startsWith("32,");
    }

    @Test
    void aChangedEmailIsStoredAndExportedToAllWithoutChangingTheLink() throws Exception {
        assertThat(night("2026-05-01", Path.of(SAMPLE)).exitCode()).isZero();
        String link = url(jdbc, "E1001");
        Path moved = roster("changed-email.csv", line -> line.replace("amelia.smith@example.com", "amelia@example.org"));

        Night changed = night("2026-05-02", moved);
        Night all = night("2026-05-03", moved, "--hublinks.campaign.audience=all");

        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.count("changed") + changed.count("new")).as("a new email is no new link").isZero();
        assertThat(changed.lines("email.csv")).hasSize(1);
        assertThat(url(jdbc, "E1001")).isEqualTo(link);
        assertThat(jdbc.queryForObject("select email from learner where external_user_id = 'E1001'", String.class))
                .isEqualTo("amelia@example.org");
        assertThat(all.report().at("/counts/exported/email").asLong()).isEqualTo(48);
        assertThat(all.lines("email.csv")).contains("amelia@example.org,Amelia,Smith,E1001," + link)
                .noneMatch(line -> line.contains("amelia.smith@example.com"));
        assertThat(all.count("unchanged")).isEqualTo(50);
    }

    @Test
    void teamsRenamedInTheCatalogChangeTheLinksOfTheLearnersTheirNamesNowPointAtAndNoOthers() throws Exception {
        assertThat(night("2026-05-01", Path.of(SAMPLE)).exitCode()).isZero();
        Map<String, String> before = tables();
        // eduMe swaps two team names: "London" is team 6 now, "Manchester" team 5
        Path catalog = Files.createDirectories(home.resolve("catalog"));
        for (Path file : Files.list(Path.of("sample-data/catalog")).toList()) {
            String content = Files.readString(file).replace("\"London\"", "\"@\"").replace("\"Manchester\"", "\"London\"")
                    .replace("\"@\"", "\"Manchester\"");
            Files.writeString(catalog.resolve(file.getFileName()), content);
        }
        List<String> byName = new ArrayList<>();
        try (CSVReader csv = new CSVReader(Files.newBufferedReader(Path.of(SAMPLE)))) {
            for (String[] cells : csv.readAll()) {
                if (cells.length > 5 && (cells[5].equals("London") || cells[5].equals("Manchester"))
                        && !byName.contains(cells[0])) {
                    byName.add(cells[0]);
                }
            }
        }

        Night renamed = night("2026-05-02", Path.of(SAMPLE), "--hublinks.catalog.file=" + catalog);

        assertThat(renamed.exitCode()).as(renamed.err()).isZero();
        assertThat(renamed.count("changed")).isEqualTo(byName.size()).isEqualTo(12);
        Map<String, String> after = tables();
        for (String user : byName) {
            assertThat(after.get("link " + user + "/dashboard")).isNotEqualTo(before.get("link " + user + "/dashboard"));
        }
        before.keySet().stream().filter(key -> key.startsWith("link ")
                        && byName.stream().noneMatch(user -> key.equals("link " + user + "/dashboard")))
                .forEach(key -> assertThat(after.get(key)).as(key).isEqualTo(before.get(key)));
        assertThat(url(jdbc, "E1002")).contains("g=6&e=E1002"); // E1002's team cell says London
        assertThat(renamed.report().at("/counts/exported/email").asLong()).isEqualTo(12); // every one has an email
    }

    @Test
    void aNewSigningSecretChangesEveryLink() throws Exception {
        assertThat(night("2026-05-01", Path.of(SAMPLE)).exitCode()).isZero();
        Path secret = home.resolve("rotated-secret.txt");
        Files.writeString(secret, "a-rotated-secret-0123456789\n");

        Night rotated = night("2026-05-02", Path.of(SAMPLE), "--hublinks.links.secret-file=" + secret);

        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
        assertThat(rotated.count("changed")).isEqualTo(50);
        assertThat(rotated.count("unchanged")).isZero();
        assertThat(jdbc.queryForList("select url from learner_link", String.class)).hasSize(50)
                .allSatisfy(link -> assertThat(TestFiles.signatureHolds(link, "a-rotated-secret-0123456789")).isTrue());
        // and the night after, with that secret, nothing changes
        Night settled = night("2026-05-03", Path.of(SAMPLE), "--hublinks.links.secret-file=" + secret);
        assertThat(settled.count("unchanged")).isEqualTo(50);
        assertThat(settled.count("changed")).isZero();
    }

    @Test
    void aLeaverKeepsTheirHistoryAndGetsTheSameLinkBackWhenTheyReturn() throws Exception {
        assertThat(night("2026-05-01", Path.of(SAMPLE)).exitCode()).isZero();
        String link = url(jdbc, "E1003");
        Path without = roster("without-E1003.csv", line -> line.startsWith("E1003,") ? null : line);

        Night left = night("2026-05-02", without);
        assertThat(left.count("removed")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select state from learner_link where external_user_id = 'E1003'", String.class))
                .isEqualTo("removed");
        assertThat(jdbc.queryForObject("select removed_on from learner where external_user_id = 'E1003'", String.class))
                .isEqualTo("2026-05-02");

        Night back = night("2026-05-03", Path.of(SAMPLE));
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.count("unchanged")).isEqualTo(50);
        assertThat(back.count("removed") + back.count("new") + back.count("changed")).isZero();
        assertThat(jdbc.queryForMap("select url, state, first_issued from learner_link where external_user_id = 'E1003'"))
                .containsEntry("URL", link).containsEntry("STATE", "unchanged")
                .containsEntry("FIRST_ISSUED", java.sql.Date.valueOf("2026-05-01"));
        assertThat(jdbc.queryForObject("select removed_on from learner where external_user_id = 'E1003'", String.class))
                .isNull();
        // and on the night after, E1003 is an unchanged learner like the others
        assertThat(night("2026-05-04", Path.of(SAMPLE)).count("unchanged")).isEqualTo(50);
    }

    @Test
    void aDuplicateOfAnUnchangedLearnerIsRejectedNamingTheFirstLineWhicheverComesFirst() throws Exception {
        assertThat(night("2026-05-01", Path.of(SAMPLE)).exitCode()).isZero();
        String e1005 = Files.readAllLines(Path.of(SAMPLE)).stream().filter(l -> l.startsWith("E1005,")).findFirst()
                .orElseThrow();
        // the unchanged row first, a changed copy at the end
        Path after = roster("dup-after.csv", UnaryOperator.identity());
        int last = Files.readAllLines(after).size() + 1;
        Files.writeString(after, Files.readString(after) + e1005.replace(",London", ",6") + "\n");
        Night unchangedFirst = night("2026-05-02", after);
        assertThat(unchangedFirst.lines("rejects.csv")).anyMatch(line -> line.startsWith(last + ",") && line.contains(
                "duplicate external user id 'E1005': line 6 has it first (line " + last + " is rejected)"));
        assertThat(url(jdbc, "E1005")).contains("g=5&");

        // the changed copy first (line 2), the unchanged row after it
        Path before = home.resolve("dup-before.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(SAMPLE)));
        lines.add(1, e1005.replace(",London", ",6"));
        Files.write(before, lines);
        Night changedFirst = night("2026-05-03", before);
        assertThat(changedFirst.lines("rejects.csv")).anyMatch(line -> line.startsWith("7,")
                && line.contains("duplicate external user id 'E1005': line 2 has it first (line 7 is rejected)"));
        assertThat(changedFirst.count("changed")).isEqualTo(1);
        assertThat(url(jdbc, "E1005")).contains("g=6&");
    }

    @Test
    void aForcedRerunOfANightExportsWhatTheNightExported() throws Exception {
        assertThat(night("2026-05-01", Path.of(SAMPLE)).exitCode()).isZero();
        Path moved = roster("moved.csv", line -> line.startsWith("E1005,") ? line.replace(",London", ",6") : line);
        Night first = night("2026-05-02", moved);
        List<String> emails = first.lines("email.csv");
        String report = TestFiles.read(first.folder().resolve("report.json"));

        Night forced = night("2026-05-02", moved, "--force");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(emails).hasSize(2);
        assertThat(forced.lines("email.csv")).isEqualTo(emails);
        assertThat(forced.count("changed")).isEqualTo(1);
        assertThat(forced.count("unchanged")).isEqualTo(49);
        assertThat(report).contains("\"changed\" : 1");
    }

    @Test
    void aRosterReadInPassesGivesWhatOnePassGives() throws Exception {
        Path moved = roster("moved.csv", line -> line.startsWith("E1005,") ? line.replace(",London", ",6")
                : line.startsWith("E1003,") ? null : line.replace("oliver.jones@", "oliver@"));
        Path other = Files.createDirectories(home.resolve("one-pass"));
        for (String[] night : new String[][] {{"2026-05-01", SAMPLE}, {"2026-05-02", moved.toString()}}) {
            // 1KB of table holds 24 learners: the 50 stored ones are read in three passes
            Night passes = night(night[0], Path.of(night[1]), "--hublinks.scale.roster-memory=1KB",
                    "--hublinks.campaign.audience=all");
            assertThat(passes.exitCode()).as(passes.err()).isZero();
            Path onePassHome = home;
            home = other;
            Night onePass = night(night[0], Path.of(night[1]), "--hublinks.campaign.audience=all");
            home = onePassHome;
            for (String file : List.of("email.csv", "sms.csv", "inapp.jsonl", "rejects.csv", "warnings.csv")) {
                assertThat(passes.lines(file)).as(file).isEqualTo(onePass.lines(file));
            }
            assertThat(passes.report().get("counts")).isEqualTo(onePass.report().get("counts"));
        }
        assertThat(jdbc.queryForObject("select count(*) from learner where removed_on is not null", Long.class))
                .isEqualTo(1);
    }

    @Test
    void aResumedNightMakesItsDeltaAgainWhenItIsGoneAndExportsWhatAnUninterruptedNightExports() throws Exception {
        Path moved = roster("moved.csv", line -> line.startsWith("E1005,") ? line.replace(",London", ",6")
                : line.startsWith("E1003,") ? null : line);
        Path calm = home.resolve("calm");
        Path crashed = home.resolve("crashed");
        home = calm;
        assertThat(night("2026-05-01", Path.of(SAMPLE)).exitCode()).isZero();
        Night uninterrupted = night("2026-05-02", moved);
        home = crashed;
        assertThat(night("2026-05-01", Path.of(SAMPLE)).exitCode()).isZero();
        // a folder where email.csv's part file goes: the night fails in exportCampaign, after signing
        Path blocker = Files.createDirectories(home.resolve("out/sample-nightly/2026-05-02/email.csv.part/x"));
        assertThat(night("2026-05-02", moved).exitCode()).isEqualTo(ExitCodes.FAILED);
        // its delta table is lost meanwhile (a restored database, say)
        JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl(home), "sa", ""));
        for (long instance : com.example.hublinks.TestDatabase.deltaTables(db)) {
            db.execute("drop table roster_delta_" + instance);
        }
        TestFiles.deleteRecursively(blocker.getParent());

        Night resumed = night("2026-05-02", moved);

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        for (String file : List.of("email.csv", "sms.csv", "inapp.jsonl", "rejects.csv", "warnings.csv")) {
            assertThat(resumed.lines(file)).as(file).isEqualTo(uninterrupted.lines(file));
        }
        assertThat(resumed.report().get("counts")).isEqualTo(uninterrupted.report().get("counts"));
        assertThat(resumed.count("changed")).isEqualTo(1);
        assertThat(resumed.count("removed")).isEqualTo(1);
    }
}
