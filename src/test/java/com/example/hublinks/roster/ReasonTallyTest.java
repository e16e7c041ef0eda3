package com.example.hublinks.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rejects counted by reason for HR: the same mistake in a thousand rows is one line with a count. */
class ReasonTallyTest {

    @Test
    void reasonsAreGroupedWithoutTheirValuesMostFrequentFirst() {
        ReasonTally tally = new ReasonTally();
        tally.add("email 'bob@' is not a valid address", 3);
        tally.add("team 'Lndon' is not in the eduMe catalog", 5);
        tally.add("email 'x y@example.com' is not a valid address", 9);
        tally.add("duplicate external user id 'E7': line 4 has it first (line 12 is rejected)", 12);

        assertThat(tally.total()).isEqualTo(4);
        assertThat(tally.byCount()).containsExactly(
                new ReasonTally.Reason("email '…' is not a valid address", 2, List.of(3L, 9L)),
                new ReasonTally.Reason("team '…' is not in the eduMe catalog", 1, List.of(5L)),
                new ReasonTally.Reason("duplicate external user id '…': line N has it first (line N is rejected)", 1,
                        List.of(12L)));
    }

    @Test
    void itKeepsTheFirstFiveLinesAndAtMostAHundredReasons() {
        ReasonTally tally = new ReasonTally();
        for (int line = 1; line <= 500; line++) {
            tally.add("reason number " + (char) ('a' + line % 26) + (char) ('a' + line / 26 % 26), line);
        }
        assertThat(tally.byCount()).hasSize(ReasonTally.MAX_REASONS + 1);
        assertThat(tally.byCount()).extracting(ReasonTally.Reason::reason).contains(ReasonTally.OTHER);
        ReasonTally same = new ReasonTally();
        for (int line = 1; line <= 8; line++) {
            same.add("missing external user id", line);
        }
        assertThat(same.byCount().get(0).firstLines()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(same.byCount().get(0).count()).isEqualTo(8);
    }

    @Test
    void talliesOfSeveralPassesAddUp() {
        ReasonTally first = new ReasonTally();
        first.add("missing external user id", 9);
        ReasonTally second = new ReasonTally();
        second.add("missing external user id", 3);
        second.add("no email or phone to send the link to", 4);
        ReasonTally sum = ReasonTally.sum(List.of(first, second));
        assertThat(sum.total()).isEqualTo(3);
        assertThat(sum.byCount().get(0)).isEqualTo(new ReasonTally.Reason("missing external user id", 2, List.of(3L, 9L)));
    }
}
