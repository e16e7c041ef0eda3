package com.example.hublinks.roster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contact rules (DESIGN §3): phones normalised to E.164 with libphonenumber and the job's
 * default region, so that sms.csv holds numbers SMS tools accept; emails syntax-checked, plainly.
 */
class ContactRulesTest {

    final ContactRules britain = new ContactRules("GB");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"07958 574354", "07958574354", "+44 7958 574354", "+447958574354", "0044 7958 574354",
            "(07958) 574-354", "+44 (0)7958 574354"})
    void aBritishMobileWrittenAnyCommonWayBecomesOneE164Number(String written) {
        assertThat(britain.toE164(written)).isEqualTo("+447958574354");
    }

    @Test
    void aNumberWithoutACountryCodeIsReadInTheJobsDefaultRegion() {
        assertThat(new ContactRules("FR").toE164("06 12 34 56 78")).isEqualTo("+33612345678");
        assertThat(britain.toE164("020 7946 0958")).isEqualTo("+442079460958");
    }

    @Test
    void aNumberWithACountryCodeKeepsItWhateverTheDefaultRegion() {
        assertThat(britain.toE164("+33 6 12 34 56 78")).isEqualTo("+33612345678");
        assertThat(new ContactRules("FR").toE164("+44 7958 574354")).isEqualTo("+447958574354");
    }

    @Test
    void theDefaultRegionMayBeWrittenInLowerCase() {
        assertThat(new ContactRules("gb").toE164("07958 574354")).isEqualTo("+447958574354");
        assertThat(new ContactRules("gb").rulesKey()).isEqualTo(britain.rulesKey());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"12345", "07958 57435", "079585743544567", "not a number", "+", "phone me",
            "+99 1234 5678"})
    void somethingThatIsNotAValidNumberHasNoE164Form(String written) {
        assertThat(britain.toE164(written)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ana@example.com", "first.last+tag@mail.example.co.uk", "o'brien@example.com",
            "josé@exämple.de", "A.N.Other@Example.COM", "x@y.io"})
    void aPlainAddressIsUsable(String email) {
        assertThat(britain.emailProblem(email)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ana.example.com", "ana@", "@example.com", "ana@example", "ana@@example.com",
            "ana@exa@mple.com", "ana smith@example.com", "ana@example.c", "Ana <ana@example.com>",
            "ana@example.com;bob@example.com", "ana@example.com, bob@example.com", "\"ana\"@example.com",
            "ana@example.com."})
    void anAddressThatIsNotOneIsNamedInTheProblem(String email) {
        assertThat(britain.emailProblem(email)).isEqualTo("email '" + email + "' is not a valid address");
    }

    @Test
    void aLongBadAddressIsQuotedShortenedTo60Characters() {
        String email = "a".repeat(70);

        assertThat(britain.emailProblem(email)).isEqualTo("email '" + "a".repeat(60) + "…' is not a valid address");
    }

    @Test
    void anAddressOfMoreThan254CharactersIsRefusedAndOneOf254IsNot() {
        String domain = "@example.com"; // 12 characters
        assertThat(britain.emailProblem("a".repeat(243) + domain)).isEqualTo("email is longer than 254 characters");
        assertThat(britain.emailProblem("a".repeat(242) + domain)).isNull();
    }

    @Test
    void theRulesKeyChangesWithTheDefaultRegion() {
        assertThat(britain.rulesKey()).startsWith("region=GB;libphonenumber=")
                .isNotEqualTo(new ContactRules("FR").rulesKey());
        assertThat(britain.rulesKey()).doesNotEndWith("=unknown");
    }
}
