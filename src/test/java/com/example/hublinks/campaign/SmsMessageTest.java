package com.example.hublinks.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SMS encoding and segments as carriers bill them. */
class SmsMessageTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                   | text                       | encoding | segments
            empty                                    | ''                         | GSM-7    | 1
            160 plain GSM-7 fit one part             | a*160                      | GSM-7    | 1
            161 plain GSM-7 take two parts           | a*161                      | GSM-7    | 2
            306 plain GSM-7 fill two parts of 153    | a*306                      | GSM-7    | 2
            307 plain GSM-7 take three               | a*307                      | GSM-7    | 3
            80 euro signs are 160 septets            | €*80                       | GSM-7    | 1
            81 euro signs are 162 septets            | €*81                       | GSM-7    | 2
            extension chars count two                | a*158+[                    | GSM-7    | 1
            one septet over by an extension char     | a*159+]                    | GSM-7    | 2
            escape pair never split (naive count: 2) | a*152+{+a*152              | GSM-7    | 3
            pair fits when it ends the part          | a*151+{+a*153              | GSM-7    | 2
            GSM basic accents stay GSM-7             | Hélène Müller Ñ à ø Å      | GSM-7    | 1
            a char outside GSM-7 makes it UCS-2      | Zoë                        | UCS-2    | 1
            70 UCS-2 units fit one part              | ë*70                       | UCS-2    | 1
            71 UCS-2 units take two                  | ë*71                       | UCS-2    | 2
            134 UCS-2 units fill two parts of 67     | ë*134                      | UCS-2    | 2
            135 UCS-2 units take three               | ë*135                      | UCS-2    | 3
            an emoji counts two units                | 😀*35                      | UCS-2    | 1
            36 emoji are 72 units                    | 😀*36                      | UCS-2    | 2
            emoji never split across parts           | ë*66+😀+ë*66               | UCS-2    | 3
            emoji fits exactly at the end            | ë*65+😀+ë*67               | UCS-2    | 2
            Cyrillic name                            | Привет Ольга               | UCS-2    | 1
            """)
    void countsSegmentsAsCarriersDo(String name, String spec, String encoding, int segments) {
        SmsMessage sms = SmsMessage.of(expand(spec));
        assertThat(sms.encoding()).isEqualTo(encoding);
        assertThat(sms.segments()).isEqualTo(segments);
    }

    @Test
    void rendersPlaceholdersOnceEvenWhenANameLooksLikeOne() {
        SmsMessage sms = SmsMessage.render("Hi {first_name} {last_name}: {link}", "{link}", null,
                "https://learn.edume.com/e/d/?g=5&e=E1&sig=ab");
        assertThat(sms.text()).isEqualTo("Hi {link} : https://learn.edume.com/e/d/?g=5&e=E1&sig=ab");
        assertThat(sms.encoding()).isEqualTo("GSM-7"); // { } are extension characters: still GSM-7
    }

    @Test
    void leavesBracesThatAreNoPlaceholderAsText() {
        assertThat(SmsMessage.render("{team} {{first_name}} {link", "Ana", "Lee", "L").text())
                .isEqualTo("{team} {Ana} {link");
    }

    /** "a*3+{" → "aaa{": runs written as char*count, joined by +. */
    private static String expand(String spec) {
        if (spec == null || spec.isEmpty()) {
            return "";
        }
        if (!spec.contains("*")) {
            return spec;
        }
        StringBuilder text = new StringBuilder();
        for (String run : spec.split("\\+")) {
            int star = run.lastIndexOf('*');
            text.append(star < 0 ? run : run.substring(0, star).repeat(Integer.parseInt(run.substring(star + 1))));
        }
        return text.toString();
    }
}
