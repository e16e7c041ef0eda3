package com.example.hublinks.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4180 lines and spreadsheet formula neutralising for the export files. */
class CsvCellsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            plain                 | Amelia                  | Amelia
            comma is quoted       | Smith, Jr.              | "Smith, Jr."
            quote is doubled      | Dwayne "The Rock"       | "Dwayne ""The Rock""\"
            equals is neutralised | =HYPERLINK("x")         | "'=HYPERLINK(""x"")"
            plus is neutralised   | +1+1                    | '+1+1
            minus is neutralised  | -2+3                    | '-2+3
            at is neutralised     | @SUM(A1)                | '@SUM(A1)
            inner equals is fine  | a=b                     | a=b
            """)
    void quotesAndNeutralisesOneCell(String name, String cell, String expected) {
        assertThat(CsvCells.line(cell)).isEqualTo(expected);
    }

    @Test
    void tabAndCarriageReturnAtTheStartAreNeutralisedAndLineBreaksQuoted() {
        assertThat(CsvCells.line("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvCells.line("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(CsvCells.line("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.line((String) null, "")).isEqualTo(",");
    }

    @Test
    void aValidE164PhoneKeepsItsPlusAnythingElseIsNeutralised() {
        assertThat(CsvCells.lineWithPhone("+447958573780", "E1", "-x")).isEqualTo("+447958573780,E1,'-x");
        assertThat(CsvCells.lineWithPhone("+44 7958 573780", "E1")).isEqualTo("'+44 7958 573780,E1");
        assertThat(CsvCells.lineWithPhone("+0123456789", "E1")).isEqualTo("'+0123456789,E1");
        assertThat(CsvCells.lineWithPhone("+1=2", "E1")).isEqualTo("'+1=2,E1");
    }

    @Test
    void anRfc4180ParserReadsBackWhatWasWritten() throws Exception {
        String[] cells = {"a,b", "say \"hi\"", "multi\r\nline", "=1+2", "plain"};
        ICSVParser parser = new RFC4180ParserBuilder().build();
        assertThat(parser.parseLine(CsvCells.line(cells)))
                .containsExactly("a,b", "say \"hi\"", "multi\r\nline", "'=1+2", "plain");
    }
}
