package com.example.hublinks.web;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A check's rejects grouped by reason, with a count and the first line numbers each. Read from
 * the check's {@code report.json} ({@code rejectsByReason}) when the report has it; else grouped
 * here from {@code rejects.csv}, with the values a reason quotes and the line numbers it names
 * left out, so that "email 'a@' is not a valid address" and "email 'b@' …" are one reason.
 */
final class RejectGroups {

    static final int FIRST_LINES = 5;

    private RejectGroups() {
    }

    static List<CheckResult.RejectGroup> of(JsonNode report, Path rejectsCsv) {
        JsonNode grouped = report.path("rejectsByReason");
        if (grouped.isArray()) {
            List<CheckResult.RejectGroup> groups = new ArrayList<>();
            for (JsonNode group : grouped) {
                List<Long> lines = new ArrayList<>();
                group.path("firstLines").forEach(line -> lines.add(line.asLong()));
                groups.add(new CheckResult.RejectGroup(group.path("reason").asString(), group.path("count").asLong(), lines));
            }
            return groups;
        }
        return fromCsv(rejectsCsv);
    }

    /** Groups the rows of a rejects.csv ({@code line,column,reason}), the largest group first. */
    static List<CheckResult.RejectGroup> fromCsv(Path rejectsCsv) {
        record Group(String reason, long firstLine, List<Long> lines, long[] count) {
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        try (CSVReader csv = new CSVReader(Files.newBufferedReader(rejectsCsv, StandardCharsets.UTF_8))) {
            csv.skip(1);
            for (String[] row; (row = csv.readNext()) != null; ) {
                long line = Long.parseLong(row[0]);
                Group group = groups.computeIfAbsent(general(row[2]), r -> new Group(r, line, new ArrayList<>(), new long[1]));
                group.count()[0]++;
                if (group.lines().size() < FIRST_LINES) {
                    group.lines().add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + rejectsCsv, e);
        } catch (CsvException e) {
            throw new IllegalStateException("cannot read " + rejectsCsv + ": " + e.getMessage(), e);
        }
        return groups.values().stream()
                .sorted(Comparator.comparingLong((Group g) -> -g.count()[0]).thenComparingLong(Group::firstLine))
                .map(g -> new CheckResult.RejectGroup(g.reason(), g.count()[0], g.lines())).toList();
    }

    /** A reason without the row's own values: quoted text becomes '…', a line number "line …". */
    static String general(String reason) {
        return reason.replaceAll("'.*?'(?=[\\s:;,)]|$)", "'…'").replaceAll("\\blines? \\d+", "line …");
    }
}
