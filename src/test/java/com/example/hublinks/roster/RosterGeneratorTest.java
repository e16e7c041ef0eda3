package com.example.hublinks.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.HublinksProperties;
import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.catalog.CatalogSnapshot;
import com.example.hublinks.catalog.SnapshotDirectory;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The benchmark roster: deterministic, in the sample's columns, and clean enough to import whole. */
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
        HublinksProperties.Roster settings = new HublinksProperties.Roster(HublinksProperties.RosterSource.CSV, file,
                "auto", java.nio.charset.StandardCharsets.UTF_8, "GB",
                new HublinksProperties.Columns("employee_id", "first_name", "last_name", "email", "mobile", "team",
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

    private static String generate(long rows, long seed) throws Exception {
        StringWriter out = new StringWriter();
        new RosterGenerator(rows, seed).writeTo(out);
        return out.toString();
    }
}
