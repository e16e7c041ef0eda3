package com.example.hublinks.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.support.OutputDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duplicate user ids (DESIGN §3): the first row of an id wins, every later one is rejected naming
 * both lines, whether the learner is new tonight or was published before. This rule is not
 * RosterValidator's (one row at a time cannot see it) but the import's; the night's staging table
 * is replaced by a map here, so the test needs no database.
 */
class RosterImportTest {

    @TempDir
    Path dir;

    final ForkJoinPool cores = new ForkJoinPool(2);
    final RosterValidator validator = RosterValidatorTest.validator(true);
    final RowFingerprint fingerprints = new RowFingerprint(new byte[32], "test");
    final StoredFingerprints stored = new StoredFingerprints(1 << 16);
    final Map<String, Long> stagedLines = new HashMap<>();
    RosterImport rosterImport;
    IssueFile rejects;
    IssueFile warnings;

    /** The staging table's contract: an id staged already is not staged again but handed back. */
    final NightDelta delta = new NightDelta(null) {
        @Override
        List<StagedLearner> insertNew(long jobInstanceId, List<StagedLearner> learners) {
            List<StagedLearner> duplicates = new ArrayList<>();
            for (StagedLearner learner : learners) {
                if (stagedLines.putIfAbsent(learner.learner().externalUserId(), learner.learner().lineNo()) != null) {
                    duplicates.add(learner);
                }
            }
            return duplicates;
        }

        @Override
        long lineOf(long jobInstanceId, String id) {
            return stagedLines.get(id);
        }
    };

    static PlannedLinks plan(List<Long> teams) {
        return new PlannedLinks("dashboard//" + teams, 1);
    }

    @BeforeEach
    void startPass() {
        rosterImport = new RosterImport(validator, fingerprints, RosterImportTest::plan, delta, 1, "employee_id", cores);
        OutputDirectory out = new OutputDirectory(dir);
        rejects = new IssueFile(out, "rejects.csv", "line,column,reason");
        warnings = new IssueFile(out, "warnings.csv", "line,external_user_id,column,reason");
        rosterImport.startPass(stored, rejects, warnings);
    }

    @AfterEach
    void stopCores() {
        cores.shutdownNow();
    }

    static RosterRow row(long line, String id, String team) {
        return RosterValidatorTest.row(line, id, id.strip().toLowerCase() + "@example.com", "", team);
    }

    List<String> rejectsCsv() throws Exception {
        rejects.close();
        return Files.readAllLines(rejects.path(), StandardCharsets.UTF_8);
    }

    @Test
    void aSecondRowOfANewLearnersIdIsRejectedNamingTheLineThatHasItFirst() throws Exception {
        rosterImport.process(List.of(row(2, "E1", "5"), row(3, "E2", "5"), row(4, "E1", "6")));

        assertThat(rejectsCsv()).containsExactly("line,column,reason",
                "4,employee_id,duplicate external user id 'E1': line 2 has it first (line 4 is rejected)");
        assertThat(stagedLines).containsOnly(Map.entry("E1", 2L), Map.entry("E2", 3L));
        assertThat(rosterImport.staged).isEqualTo(2);
    }

    @Test
    void theFirstRowWinsAcrossChunksAndEveryLaterOneIsRejected() throws Exception {
        rosterImport.process(List.of(row(2, "E1", "5")));
        rosterImport.process(List.of(row(3, "E1", "6"), row(7, "E1", "9")));

        assertThat(rejectsCsv()).containsExactly("line,column,reason",
                "3,employee_id,duplicate external user id 'E1': line 2 has it first (line 3 is rejected)",
                "7,employee_id,duplicate external user id 'E1': line 2 has it first (line 7 is rejected)");
        assertThat(stagedLines).containsOnly(Map.entry("E1", 2L));
    }

    @Test
    void aLearnerPublishedBeforeWhoseIdComesTwiceKeepsTheFirstRowChangedOrNot() throws Exception {
        RosterRow unchanged = row(2, "E1", "5");
        stored.put(RowFingerprint.idHash("E1"), RowFingerprint.idCheck("E1"),
                fingerprints.of(unchanged, List.of(5L), plan(List.of(5L)).key()));
        stored.put(RowFingerprint.idHash("E2"), RowFingerprint.idCheck("E2"), 4); // a row that changed since

        rosterImport.process(List.of(unchanged, row(3, "E2", "5"), row(8, "E2", "6"), row(9, "E1", "6")));

        assertThat(rejectsCsv()).containsExactly("line,column,reason",
                "8,employee_id,duplicate external user id 'E2': line 3 has it first (line 8 is rejected)",
                "9,employee_id,duplicate external user id 'E1': line 2 has it first (line 9 is rejected)");
        assertThat(rosterImport.unchanged).isEqualTo(1);
        assertThat(rosterImport.staged).isEqualTo(1);
        assertThat(stored.unseen()).as("learners met tonight are no leavers").isZero();
    }

    @Test
    void aLaterRowThatIsNoLearnerAtAllIsRejectedForItsOwnProblemNotAsADuplicate() throws Exception {
        stored.put(RowFingerprint.idHash("E2"), RowFingerprint.idCheck("E2"), 4); // published before

        rosterImport.process(List.of(row(2, "E1", "5"), row(3, "E1", "Atlantis"),
                row(4, "E2", "5"), row(5, "E2", "Atlantis")));

        assertThat(rejectsCsv()).containsExactly("line,column,reason",
                "3,team,team 'Atlantis' is not in the eduMe catalog",
                "5,team,team 'Atlantis' is not in the eduMe catalog");
    }

    @Test
    void aFirstRowThatIsRejectedDoesNotMakeTheNextRowOfItsIdADuplicate() throws Exception {
        rosterImport.process(List.of(row(2, "E1", "Atlantis"), row(3, "E1", "5")));

        assertThat(rejectsCsv()).containsExactly("line,column,reason",
                "2,team,team 'Atlantis' is not in the eduMe catalog");
        assertThat(stagedLines).containsOnly(Map.entry("E1", 3L));
    }

    @Test
    void theIdIsComparedAfterStrippingSpaces() throws Exception {
        rosterImport.process(List.of(row(2, "E1", "5"), row(3, " E1 ", "5")));

        assertThat(rejectsCsv()).contains(
                "3,employee_id,duplicate external user id 'E1': line 2 has it first (line 3 is rejected)");
    }
}
