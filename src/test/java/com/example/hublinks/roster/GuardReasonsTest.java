package com.example.hublinks.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The guard's rules (DESIGN §2 guard): why a night must not be published, as ops read it in the
 * log, the report and the exit-3 message. Defaults as the sample job has them: min-rows 1,
 * max-shrink 0.2, max-reject-share 0.05.
 */
class GuardReasonsTest {

    static final GuardSettings DEFAULTS = new GuardSettings(1, 0.2, 0.05);

    static List<String> reasons(GuardSettings guard, boolean acceptShrink, long usable, long rejected,
                                long lastPublished) {
        return new GuardTasklet(guard, JsonMapper.builder().build(), acceptShrink).reasons(usable, rejected, lastPublished);
    }

    static List<String> reasons(long usable, long rejected, long lastPublished) {
        return reasons(DEFAULTS, false, usable, rejected, lastPublished);
    }

    static final String SHRANK_21 = "the roster shrank by 21.0% (79 learners, 100 last published), more than"
            + " hublinks.guard.max-shrink (20.0%); rerun with --accept-shrink if it is real";

    @Test
    void aHealthyRosterMayBePublished() {
        assertThat(reasons(100, 0, 100)).isEmpty();
        assertThat(reasons(120, 3, 100)).isEmpty();
    }

    @Test
    void anEmptyRosterIsStoppedSayingHowManyLearnersItHasAndTheSetting() {
        assertThat(reasons(0, 0, 0)).containsExactly(
                "the roster has 0 usable learners, fewer than hublinks.guard.min-rows (1)");
    }

    @Test
    void aRosterOfExactlyMinRowsLearnersMayBePublishedAndOneFewerMayNot() {
        GuardSettings guard = new GuardSettings(50, 0.2, 0.05);

        assertThat(reasons(guard, false, 50, 0, 0)).isEmpty();
        assertThat(reasons(guard, false, 49, 0, 0)).containsExactly(
                "the roster has 49 usable learners, fewer than hublinks.guard.min-rows (50)");
    }

    @Test
    void aMinRowsOfZeroLetsAnEmptyRosterThrough() {
        assertThat(reasons(new GuardSettings(0, 0.2, 0.05), false, 0, 0, 0)).isEmpty();
    }

    @Test
    void aRosterThatShrankByMoreThanMaxShrinkAgainstTheLastPublishedNightIsStopped() {
        assertThat(reasons(79, 0, 100)).containsExactly(SHRANK_21);
    }

    @Test
    void shrinkingByExactlyMaxShrinkIsAllowed() {
        assertThat(reasons(80, 0, 100)).isEmpty();
        // a share with an exact binary fraction: 1 - 50/100 is 0.5 to the last bit
        assertThat(reasons(new GuardSettings(1, 0.5, 0.05), false, 50, 0, 100)).isEmpty();
        assertThat(reasons(new GuardSettings(1, 0.25, 0.05), false, 75, 0, 100)).isEmpty();
        // and one without: in binary floating point 1 - 70/100 is 0.30000000000000004
        assertThat(reasons(new GuardSettings(1, 0.3, 0.05), false, 70, 0, 100)).isEmpty();
        assertThat(reasons(new GuardSettings(1, 0.3, 0.05), false, 69, 0, 100)).hasSize(1);
        assertThat(reasons(new GuardSettings(1, 0.2, 0.07), false, 93, 7, 0)).isEmpty();
    }

    @Test
    void theFirstNightHasNothingToShrinkFrom() {
        assertThat(reasons(3, 0, 0)).isEmpty();
    }

    @Test
    void acceptShrinkLetsARealShrinkThroughButNotAnEmptyRosterOrTooManyRejects() {
        assertThat(reasons(DEFAULTS, true, 10, 0, 100)).isEmpty();
        assertThat(reasons(DEFAULTS, true, 0, 0, 100)).containsExactly(
                "the roster has 0 usable learners, fewer than hublinks.guard.min-rows (1)");
        assertThat(reasons(DEFAULTS, true, 10, 10, 100)).containsExactly("10 of 20 rows were rejected (50.0%), more than"
                + " hublinks.guard.max-reject-share (5.0%); see rejects.csv");
    }

    @Test
    void moreThanMaxRejectShareOfTheRowsReadRejectedIsStoppedPointingAtRejectsCsv() {
        assertThat(reasons(94, 6, 94)).containsExactly("6 of 100 rows were rejected (6.0%), more than"
                + " hublinks.guard.max-reject-share (5.0%); see rejects.csv");
    }

    @Test
    void exactlyMaxRejectShareRejectedIsAllowed() {
        assertThat(reasons(95, 5, 95)).isEmpty();
    }

    @Test
    void theRejectShareIsOfEveryRowReadUsableOrNot() {
        // 5 of 100 read is 5%: allowed; counted against the 95 usable it would be 5.3%
        assertThat(reasons(95, 5, 0)).isEmpty();
        assertThat(reasons(95, 6, 0)).containsExactly("6 of 101 rows were rejected (5.9%), more than"
                + " hublinks.guard.max-reject-share (5.0%); see rejects.csv");
    }

    @Test
    void aRosterWithEveryRowRejectedGivesEveryReasonInOrder() {
        assertThat(reasons(0, 40, 50)).containsExactly(
                "the roster has 0 usable learners, fewer than hublinks.guard.min-rows (1)",
                "the roster shrank by 100.0% (0 learners, 50 last published), more than hublinks.guard.max-shrink"
                        + " (20.0%); rerun with --accept-shrink if it is real",
                "40 of 40 rows were rejected (100.0%), more than hublinks.guard.max-reject-share (5.0%); see rejects.csv");
    }

    @Test
    void theSharesInTheMessagesFollowTheSettings() {
        GuardSettings strict = new GuardSettings(1, 0.1, 0.0);

        assertThat(reasons(strict, false, 85, 1, 100)).containsExactly(
                "the roster shrank by 15.0% (85 learners, 100 last published), more than hublinks.guard.max-shrink"
                        + " (10.0%); rerun with --accept-shrink if it is real",
                "1 of 86 rows were rejected (1.2%), more than hublinks.guard.max-reject-share (0.0%); see rejects.csv");
    }
}
