package com.example.hublinks.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.catalog.CatalogSnapshot;
import com.example.hublinks.catalog.CatalogSnapshot.Course;
import com.example.hublinks.catalog.CatalogSnapshot.Group;
import com.example.hublinks.catalog.CatalogSnapshot.Team;
import com.example.hublinks.roster.RosterSettings.Columns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What HR reads in rejects.csv and warnings.csv for one roster row (DESIGN §3): the physical line,
 * the first column at fault and every problem of the row joined in one reason; a bad contact next
 * to a good one is a warning, never a reject. Plain objects, no Spring, no database.
 */
class RosterValidatorTest {

    /** The sample job's mapping: HR's phone column is called "mobile". */
    static final Columns COLUMNS = new Columns("employee_id", "first_name", "last_name", "email", "mobile", "team",
            "locale");

    static final Catalog CATALOG = new Catalog(new CatalogSnapshot(
            List.of(new Group(101, "Retail"), new Group(202, "Warehouse")),
            List.of(new Team(5, 101, "London"), new Team(6, 101, "Manchester"), new Team(7, 101, "Night shift"),
                    new Team(8, 202, "Night shift"), new Team(9, 202, "Leeds")),
            List.<Course>of()),
            Map.of("Head Office", 6L, "Old HQ", 77L));

    final RosterValidator validator = validator(true);

    static RosterValidator validator(boolean contactRequired) {
        return new RosterValidator(COLUMNS, CATALOG, new ContactRules("GB"), contactRequired);
    }

    /** A row that is fine in every respect; each test spoils what it is about. */
    static RosterRow row(long line, String id, String email, String phone, String team) {
        return new RosterRow(line, id, "Ana", "Silva", email, phone, team, "en-GB");
    }

    static RosterRow good(long line) {
        return row(line, "E1", "ana@example.com", "07958 574354", "5");
    }

    ValidatedRow validate(RosterRow row) {
        return validator.process(row);
    }

    RejectedRow rejected(RosterRow row) {
        ValidatedRow result = validate(row);
        assertThat(result.learner()).as("a rejected row is no learner").isNull();
        assertThat(result.reject()).as("row %s should be rejected", row).isNotNull();
        return result.reject();
    }

    Learner accepted(RosterRow row) {
        ValidatedRow result = validate(row);
        assertThat(result.reject()).as("row %s should be kept", row).isNull();
        return result.learner();
    }

    @Test
    void aGoodRowBecomesALearnerWithItsValuesStrippedAndItsPhoneInE164() {
        ValidatedRow result = validate(new RosterRow(4, "  E1 ", " Ana ", " Silva ", " ana@example.com ",
                " 07958 574354 ", " 5 ", " en-GB "));

        assertThat(result.reject()).isNull();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.learner()).isEqualTo(new Learner("E1", "Ana", "Silva", "ana@example.com", "+447958574354",
                List.of(5L), "en-GB", 4));
    }

    @Nested
    class TheExternalUserId {

        @Test
        void aMissingIdIsRejectedOnItsLineInTheIdColumn() {
            assertThat(rejected(row(7, "", "ana@example.com", "", "5")))
                    .isEqualTo(new RejectedRow(7, "employee_id", "missing external user id"));
        }

        @Test
        void anIdOfOnlySpacesOrNoCellAtAllIsMissingToo() {
            assertThat(rejected(row(7, "   ", "ana@example.com", "", "5")).reason()).isEqualTo("missing external user id");
            assertThat(rejected(row(8, null, "ana@example.com", "", "5")).reason()).isEqualTo("missing external user id");
        }

        @Test
        void anIdLongerThan255CharactersIsRejectedAndOneOf255IsKept() {
            assertThat(rejected(row(3, "x".repeat(256), "ana@example.com", "", "5")))
                    .isEqualTo(new RejectedRow(3, "employee_id", "external user id is longer than 255 characters"));
            assertThat(accepted(row(3, "x".repeat(255), "ana@example.com", "", "5")).externalUserId()).hasSize(255);
        }
    }

    @Nested
    class NamesAndLocale {

        @Test
        void aFirstOrLastNameLongerThan255CharactersIsRejectedInItsColumn() {
            String tooLong = "n".repeat(256);
            assertThat(rejected(new RosterRow(2, "E1", tooLong, "Silva", "ana@example.com", "", "5", "")))
                    .isEqualTo(new RejectedRow(2, "first_name", "first name is longer than 255 characters"));
            assertThat(rejected(new RosterRow(2, "E1", "Ana", tooLong, "ana@example.com", "", "5", "")))
                    .isEqualTo(new RejectedRow(2, "last_name", "last name is longer than 255 characters"));
            assertThat(accepted(new RosterRow(2, "E1", "n".repeat(255), "n".repeat(255), "ana@example.com", "", "5", "")))
                    .isNotNull();
        }

        @Test
        void aLocaleLongerThan35CharactersIsRejected() {
            assertThat(rejected(new RosterRow(2, "E1", "Ana", "Silva", "ana@example.com", "", "5", "l".repeat(36))))
                    .isEqualTo(new RejectedRow(2, "locale", "locale is longer than 35 characters"));
            assertThat(accepted(new RosterRow(2, "E1", "Ana", "Silva", "ana@example.com", "", "5", "l".repeat(35)))
                    .locale()).hasSize(35);
        }

        @Test
        void namesAndLocaleMayBeEmpty() {
            assertThat(accepted(new RosterRow(2, "E1", null, "", "ana@example.com", "", "5", null)))
                    .extracting(Learner::firstName, Learner::lastName, Learner::locale).containsExactly("", "", "");
        }
    }

    @Nested
    class TheTeamCell {

        @Test
        void aTeamIsFoundByIdOrByItsCatalogNameIgnoringCaseAndRunsOfSpaces() {
            assertThat(accepted(row(2, "E1", "ana@example.com", "", "9")).teamIds()).containsExactly(9L);
            assertThat(accepted(row(2, "E1", "ana@example.com", "", "  lONDON ")).teamIds()).containsExactly(5L);
        }

        @Test
        void aNameTheJobMapsToATeamWinsAndAMappingToAnInactiveTeamIsRejected() {
            assertThat(accepted(row(2, "E1", "ana@example.com", "", "head  office")).teamIds()).containsExactly(6L);
            assertThat(rejected(row(2, "E1", "ana@example.com", "", "Old HQ"))).isEqualTo(new RejectedRow(2, "team",
                    "team 'Old HQ' maps to 77 (hublinks.catalog.teams), which is not an active team in the eduMe catalog"));
        }

        @Test
        void severalTeamsAreSeparatedByABarOrACommaAndKeptInTheirOrder() {
            assertThat(accepted(row(2, "E1", "ana@example.com", "", "9|5")).teamIds()).containsExactly(9L, 5L);
            assertThat(accepted(row(2, "E1", "ana@example.com", "", "Leeds, 6")).teamIds()).containsExactly(9L, 6L);
        }

        @Test
        void anEmptyTeamCellIsRejected() {
            assertThat(rejected(row(2, "E1", "ana@example.com", "", " ")))
                    .isEqualTo(new RejectedRow(2, "team", "no team given"));
            assertThat(rejected(row(2, "E1", "ana@example.com", "", null)).reason()).isEqualTo("no team given");
        }

        @Test
        void anUnknownTeamIdOrNameIsRejectedNamingIt() {
            assertThat(rejected(row(2, "E1", "ana@example.com", "", "42")))
                    .isEqualTo(new RejectedRow(2, "team", "team 42 is not an active team in the eduMe catalog"));
            assertThat(rejected(row(2, "E1", "ana@example.com", "", "Atlantis")))
                    .isEqualTo(new RejectedRow(2, "team", "team 'Atlantis' is not in the eduMe catalog"));
        }

        @Test
        void aNameTwoTeamsShareIsRejectedNamingBothAndTheWayOut() {
            assertThat(rejected(row(2, "E1", "ana@example.com", "", "night shift")).reason()).isEqualTo(
                    "team name 'night shift' is ambiguous: team 7 in Retail and team 8 in Warehouse;"
                            + " use the id or hublinks.catalog.teams");
        }

        @Test
        void oneUnknownTeamAmongSeveralRejectsTheRowNamingOnlyThatOne() {
            assertThat(rejected(row(2, "E1", "ana@example.com", "", "5|Atlantis|6")))
                    .isEqualTo(new RejectedRow(2, "team", "team 'Atlantis' is not in the eduMe catalog"));
        }

        @Test
        void aTeamCellLongerThan255CharactersIsRejected() {
            assertThat(rejected(row(2, "E1", "ana@example.com", "", "5|".repeat(128))))
                    .isEqualTo(new RejectedRow(2, "team", "team is longer than 255 characters"));
        }
    }

    @Nested
    class ContactsWhenTheCampaignNeedsOne {

        @Test
        void aRowWithNeitherEmailNorPhoneIsRejectedInTheEmailColumn() {
            assertThat(rejected(row(6, "E1", "", " ", "5")))
                    .isEqualTo(new RejectedRow(6, "email", "no email or phone to send the link to"));
        }

        @Test
        void aBadPhoneNextToAGoodEmailKeepsTheLearnerForEmailWithAWarning() {
            ValidatedRow result = validate(row(9, "E1", "ana@example.com", "12345", "5"));

            assertThat(result.reject()).isNull();
            assertThat(result.learner().email()).isEqualTo("ana@example.com");
            assertThat(result.learner().hasPhone()).isFalse();
            assertThat(result.warnings()).containsExactly(
                    new ContactWarning(9, "E1", "mobile", "phone '12345' is not a valid number; kept for email"));
        }

        @Test
        void aBadEmailNextToAGoodPhoneKeepsTheLearnerForSmsWithAWarning() {
            ValidatedRow result = validate(row(9, "E1", "ana.example.com", "07958 574354", "5"));

            assertThat(result.reject()).isNull();
            assertThat(result.learner().hasEmail()).isFalse();
            assertThat(result.learner().phone()).isEqualTo("+447958574354");
            assertThat(result.warnings()).containsExactly(new ContactWarning(9, "E1", "email",
                    "email 'ana.example.com' is not a valid address; kept for SMS"));
        }

        @Test
        void aBadEmailAndNoPhoneIsRejected() {
            assertThat(rejected(row(3, "E1", "oliver.at.example.com", "", "5")))
                    .isEqualTo(new RejectedRow(3, "email", "email 'oliver.at.example.com' is not a valid address"));
        }

        @Test
        void aBadPhoneAndNoEmailIsRejectedInThePhoneColumn() {
            assertThat(rejected(row(3, "E1", "", "not a number", "5")))
                    .isEqualTo(new RejectedRow(3, "mobile", "phone 'not a number' is not a valid number"));
        }

        @Test
        void aBadEmailAndABadPhoneAreBothNamedInOneReason() {
            assertThat(rejected(row(3, "E1", "ana@", "12345", "5"))).isEqualTo(new RejectedRow(3, "email",
                    "email 'ana@' is not a valid address; phone '12345' is not a valid number"));
        }

        @Test
        void aLongBadPhoneIsQuotedShortenedTo60Characters() {
            String phone = "1".repeat(61);
            assertThat(rejected(row(3, "E1", "", phone, "5")).reason())
                    .isEqualTo("phone '" + "1".repeat(60) + "…' is not a valid number");
        }
    }

    @Nested
    class ContactsWhenNoChannelIsEnabled {

        final RosterValidator noChannel = validator(false);

        @Test
        void aRowWithoutAnyContactIsKept() {
            ValidatedRow result = noChannel.process(row(2, "E1", "", "", "5"));

            assertThat(result.reject()).isNull();
            assertThat(result.learner().hasEmail()).isFalse();
            assertThat(result.learner().hasPhone()).isFalse();
            assertThat(result.warnings()).isEmpty();
        }

        @Test
        void badContactsAreDroppedWithWarningsInsteadOfRejectingTheRow() {
            ValidatedRow result = noChannel.process(row(2, "E1", "ana@", "12345", "5"));

            assertThat(result.reject()).isNull();
            assertThat(result.learner().hasEmail()).isFalse();
            assertThat(result.learner().hasPhone()).isFalse();
            assertThat(result.warnings()).extracting(ContactWarning::column).containsExactly("email", "mobile");
        }
    }

    @Nested
    class SeveralProblemsOfOneRow {

        @Test
        void allProblemsAreJoinedInOneReasonAndTheColumnIsTheFirstAtFault() {
            RosterRow row = new RosterRow(12, "", "Ana", "n".repeat(256), "", "", "Atlantis", "");

            assertThat(rejected(row)).isEqualTo(new RejectedRow(12, "employee_id", "missing external user id;"
                    + " last name is longer than 255 characters; team 'Atlantis' is not in the eduMe catalog;"
                    + " no email or phone to send the link to"));
        }

        @Test
        void aReasonIsCutTo2000CharactersTheRejectsTableHolds() {
            String teams = String.join("|", java.util.Collections.nCopies(128, "A")); // 255 characters, 128 problems
            assertThat(teams).hasSize(255);
            RosterRow row = row(2, "E1", "ana@example.com", "", teams);

            String reason = rejected(row).reason();

            assertThat(reason).hasSize(2000).endsWith("…")
                    .startsWith("team 'A' is not in the eduMe catalog; team 'A' is not in the eduMe catalog;");
        }
    }

    @Nested
    class AnUnchangedRow {

        @Test
        void getsTheSameWarningsFromItsStoredFlagsAsFromValidatingItAgain() {
            for (RosterRow row : List.of(good(2), row(3, "E2", "ana@example.com", "12345", "5"),
                    row(4, "E3", "ana@", "07958 574354", "5"))) {
                ValidatedRow validated = validator.process(row);

                int flags = validator.droppedContactFlags(validated);

                assertThat(validator.droppedContacts(row, flags)).as("line %s", row.lineNo())
                        .isEqualTo(validated.warnings());
            }
        }

        @Test
        void flagsSayWhichContactWasDropped() {
            assertThat(validator.droppedContactFlags(validator.process(good(2)))).isZero();
            assertThat(validator.droppedContactFlags(validator.process(row(3, "E2", "ana@example.com", "12345", "5"))))
                    .isEqualTo(RosterValidator.PHONE_DROPPED);
            assertThat(validator.droppedContactFlags(validator.process(row(4, "E3", "ana@", "07958 574354", "5"))))
                    .isEqualTo(RosterValidator.EMAIL_DROPPED);
        }
    }

    @Test
    void theRulesKeyChangesWithTheSettingsARowsOutcomeDependsOn() {
        String key = validator.rulesKey();

        assertThat(validator(false).rulesKey()).isNotEqualTo(key);
        assertThat(new RosterValidator(COLUMNS, CATALOG, new ContactRules("FR"), true).rulesKey()).isNotEqualTo(key);
        assertThat(new RosterValidator(new Columns("id", "first_name", "last_name", "email", "mobile", "team", "locale"),
                CATALOG, new ContactRules("GB"), true).rulesKey()).isNotEqualTo(key);
        assertThat(validator(true).rulesKey()).isEqualTo(key);
    }
}
