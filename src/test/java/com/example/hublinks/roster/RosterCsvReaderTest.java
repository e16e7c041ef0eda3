package com.example.hublinks.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.example.hublinks.TestReaders;
import com.example.hublinks.roster.RosterSettings.Columns;
import com.example.hublinks.roster.RosterSettings.Jdbc;
import com.example.hublinks.roster.RosterSettings.Source;
import com.example.hublinks.support.SettingsException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSV dialects HR's systems and Excel produce, each in a small file under src/test/resources/rosters/dialects. */
class RosterCsvReaderTest {

    static final Path DIALECTS = Path.of("src/test/resources/rosters/dialects");
    static final Columns COLUMNS = new Columns("employee_id", "first_name", "last_name", "email", "mobile", "team", "locale");

    static List<RosterRow> read(String file, String encoding) throws Exception {
        Path path = DIALECTS.resolve(file);
        return TestReaders.readAll(new RosterCsvReader(path, settings(path, encoding)));
    }

    static RosterSettings settings(Path path, String encoding) {
        return new RosterSettings(Source.CSV, path, "auto", Charset.forName(encoding), "GB", COLUMNS,
                new Jdbc(null, null, null, null));
    }

    /** What a run refuses before it starts: the preflight, which also reads the whole file. */
    static SettingsException refusal(String file, String encoding) {
        Path path = DIALECTS.resolve(file);
        Throwable thrown = catchThrowable(() -> RosterCsvReader.preflight(path, settings(path, encoding)));
        SettingsException settings = SettingsException.findIn(thrown);
        assertThat(settings).as("a settings problem (exit 2), not %s", thrown).isNotNull();
        return settings;
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf8-bom.csv", "utf8-no-bom.csv", "crlf.csv", "lf.csv", "header-case-and-spaces.csv",
            "trailing-blank-lines.csv"})
    void readsEveryDialectToTheSameRows(String file) throws Exception {
        List<RosterRow> rows = read(file, "UTF-8");

        assertThat(rows).containsExactly(
                new RosterRow(2, "E1", "René", "Lefèvre", "rene@example.com", "07700 900123", "London", ""),
                new RosterRow(3, "E2", "Zoë", "Brontë", "zoe@example.com", "07700 900124", "Manchester", ""));
    }

    @Test
    void detectsASemicolonDelimiterFromTheHeader() throws Exception {
        List<RosterRow> rows = read("semicolon.csv", "UTF-8");

        assertThat(rows).extracting(RosterRow::externalUserId, RosterRow::lastName, RosterRow::team)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("E1", "Smith, Jr.", "London"),
                        org.assertj.core.groups.Tuple.tuple("E2", "Brontë", "5"));
    }

    @Test
    void quotedFieldsKeepCommasDoubledQuotesAndLineBreaksAndLinesStayPhysical() throws Exception {
        List<RosterRow> rows = read("quoted.csv", "UTF-8");

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).lastName()).isEqualTo("Smith, Jr.");
        assertThat(rows.get(1).firstName()).isEqualTo("Zoë \"Zee\"");
        assertThat(rows.get(1).lastName()).isEqualTo("Line\nbreak\nname");
        // E2 spans lines 3-5, so E3 is on line 6 as an editor shows it
        assertThat(rows).extracting(RosterRow::lineNo).containsExactly(2L, 3L, 6L);
        assertThat(rows.get(2).team()).isEqualTo("New joiners");
    }

    @Test
    void windows1252IsDecodedWhenTheJobSaysSo() throws Exception {
        List<RosterRow> rows = read("windows-1252.csv", "windows-1252");

        assertThat(rows).extracting(RosterRow::firstName).containsExactly("René", "Zoë");
        assertThat(rows).extracting(RosterRow::lastName).containsExactly("Lefèvre", "Brontë");
        assertThat(rows.toString()).doesNotContain("\uFFFD");
    }

    @Test
    void windows1252ReadAsUtf8IsRefusedNamingTheLine() {
        SettingsException refused = refusal("windows-1252.csv", "UTF-8");

        assertThat(refused.key()).isEqualTo("hublinks.roster.encoding");
        assertThat(refused.getMessage()).contains("windows-1252.csv line 2 is not valid UTF-8")
                .contains("hublinks.roster.encoding: windows-1252");
    }

    @Test
    void theReaderItselfRefusesABadByteWithItsLine() {
        Throwable thrown = catchThrowable(() -> read("windows-1252.csv", "UTF-8"));

        assertThat(SettingsException.findIn(thrown).getMessage()).contains("windows-1252.csv line 2 is not valid UTF-8");
    }

    @Test
    void utf8ReadAsWindows1252IsRefusedRatherThanGarbled() {
        SettingsException refused = refusal("utf8-no-bom.csv", "windows-1252");

        assertThat(refused.getMessage()).contains("line 2 is UTF-8 text").contains("hublinks.roster.encoding: utf-8");
    }

    @Test
    void aByteOrderMarkMeansUtf8WhateverTheSetting() throws Exception {
        assertThat(read("utf8-bom.csv", "windows-1252")).extracting(RosterRow::firstName).containsExactly("René", "Zoë");
    }

    @Test
    void binaryAndExcelFilesAreRefusedAsNotCsv() {
        assertThat(refusal("binary.dat", "UTF-8").getMessage()).contains("binary.dat is not a CSV text file");
        assertThat(refusal("binary.dat", "windows-1252").getMessage()).contains("is not a CSV text file");
        assertThat(refusal("workbook.xlsx", "UTF-8").getMessage()).contains("Excel workbook").contains("CSV UTF-8");
    }

    @Test
    void aMissingMappedColumnIsNamedWithTheHeadersFound() {
        SettingsException refused = refusal("missing-column.csv", "UTF-8");

        assertThat(refused.key()).isEqualTo("hublinks.roster.columns.phone");
        assertThat(refused.getMessage()).contains("column 'mobile' is not in the header of")
                .contains("found: employee_id, first_name, last_name, email, team");
    }
}
