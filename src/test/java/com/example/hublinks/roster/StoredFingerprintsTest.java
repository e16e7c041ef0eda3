package com.example.hublinks.roster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-memory table of stored learners importRoster compares tonight's rows with. */
class StoredFingerprintsTest {

    static long hash(String id) {
        return RowFingerprint.idHash(id);
    }

    static int check(String id) {
        return RowFingerprint.idCheck(id);
    }

    @Test
    void aStoredLearnerIsFoundByTheirIdAndNoOtherIdFindsThem() {
        StoredFingerprints table = new StoredFingerprints(64L << 20);
        for (int i = 0; i < 100_000; i++) {
            assertThat(table.put(hash("E" + i), check("E" + i), i * 4L)).isTrue();
        }
        for (int i = 0; i < 100_000; i++) {
            int slot = table.find(hash("E" + i), check("E" + i));
            assertThat(slot).isNotNegative();
            assertThat(table.fingerprint(slot)).isEqualTo(i * 4L);
        }
        assertThat(table.find(hash("E100000"), check("E100000"))).isNegative();
        // an id whose 64-bit hash is a stored learner's but whose second hash is not: not that learner
        assertThat(table.find(hash("E7"), check("E7") + 1)).isNegative();
    }

    @Test
    void seenLearnersKeepTheLineTheyWereSeenOnAndTheRestAreLeavers() {
        StoredFingerprints table = new StoredFingerprints(1 << 16);
        table.put(hash("A"), check("A"), 8);
        table.put(hash("B"), check("B"), 12);
        table.put(hash("C"), check("C"), 16);
        int a = table.find(hash("A"), check("A"));
        table.markSeen(a, 41);

        assertThat(table.isSeen(a)).isTrue();
        assertThat(table.seenOn(a)).isEqualTo(41);
        assertThat(table.mayBeUnchanged(a)).as("a second row of A is a duplicate, never unchanged").isFalse();
        assertThat(table.unseen()).isEqualTo(2);
        table.force(table.find(hash("B"), check("B")));
        assertThat(table.mayBeUnchanged(table.find(hash("B"), check("B")))).as("forced: staged again").isFalse();
        assertThat(table.mayBeUnchanged(table.find(hash("C"), check("C")))).isTrue();
    }

    @Test
    void twoStoredIdsWithOneHashMakeTheirSlotAmbiguousAndCountAsNeitherSeenNorUnseen() {
        StoredFingerprints table = new StoredFingerprints(1 << 16);
        table.put(42, 1, 8);
        table.put(42, 2, 12);
        int slot = table.find(42, 2);
        assertThat(table.isAmbiguous(slot)).isTrue();
        assertThat(table.find(42, 1)).isEqualTo(slot);
        assertThat(table.mayBeUnchanged(slot)).isFalse();
        assertThat(table.hasAmbiguous()).isTrue();
        assertThat(table.unseen()).isZero();
    }

    @Test
    void theTableGrowsUpToItsMemoryAndThenRefuses() {
        long bytes = 20L * 1024; // 1024 slots: at most 768 learners
        assertThat(StoredFingerprints.capacityFor(bytes)).isEqualTo(768);
        StoredFingerprints table = new StoredFingerprints(bytes);
        for (int i = 0; i < 768; i++) {
            assertThat(table.put(hash("E" + i), check("E" + i), i)).as("learner " + i).isTrue();
        }
        assertThat(table.put(hash("one-more"), check("one-more"), 0)).isFalse();
        for (int i = 0; i < 768; i++) {
            assertThat(table.fingerprint(table.find(hash("E" + i), check("E" + i)))).isEqualTo(i);
        }
    }
}
