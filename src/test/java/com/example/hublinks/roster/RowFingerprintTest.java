package com.example.hublinks.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What a learner's fingerprint depends on: every cell that reaches a link or an export, the links' inputs, the key. */
class RowFingerprintTest {

    static final byte[] KEY = "a key derived from the secret".getBytes(StandardCharsets.UTF_8);
    final RowFingerprint fingerprints = new RowFingerprint(KEY, "https://learn.edume.com|dashboard||[]|region=GB");
    final RosterRow row = new RosterRow(2, "E1001", "Amelia", "Smith", "amelia@example.com", "07958 574354", "London",
            "en-GB");

    long of(RosterRow row) {
        return fingerprints.of(row, List.of(5L), "dashboard//[5]");
    }

    @Test
    void theSameCellsGiveTheSameFingerprintWhateverTheLineAndTheSpacesAround() {
        RosterRow moved = new RosterRow(900, " E1001 ", "Amelia ", " Smith", "amelia@example.com", "07958 574354",
                "London", "en-GB");
        assertThat(of(moved)).isEqualTo(of(row));
        assertThat(of(row) & RowFingerprint.FLAGS).as("the flag bits are left clear").isZero();
    }

    @Test
    void everyCellLinksOrExportsUseChangesIt() {
        List<UnaryOperator<RosterRow>> edits = List.of(
                r -> new RosterRow(2, "E1002", r.firstName(), r.lastName(), r.email(), r.phone(), r.team(), r.locale()),
                r -> new RosterRow(2, r.externalUserId(), "Amelie", r.lastName(), r.email(), r.phone(), r.team(), r.locale()),
                r -> new RosterRow(2, r.externalUserId(), r.firstName(), "Smyth", r.email(), r.phone(), r.team(), r.locale()),
                r -> new RosterRow(2, r.externalUserId(), r.firstName(), r.lastName(), "a@example.com", r.phone(), r.team(),
                        r.locale()),
                r -> new RosterRow(2, r.externalUserId(), r.firstName(), r.lastName(), r.email(), "07958 574355", r.team(),
                        r.locale()),
                r -> new RosterRow(2, r.externalUserId(), r.firstName(), r.lastName(), r.email(), r.phone(), r.team(),
                        "fr-FR"));
        for (UnaryOperator<RosterRow> edit : edits) {
            assertThat(of(edit.apply(row))).isNotEqualTo(of(row));
        }
        // the cells' boundaries count: "Amelia","Smith" is not "AmeliaS","mith"
        assertThat(of(new RosterRow(2, "E1001", "AmeliaS", "mith", "amelia@example.com", "07958 574354", "London",
                "en-GB"))).isNotEqualTo(of(row));
    }

    @Test
    void theTeamsTheLinksTheSettingsAndTheKeyChangeIt() {
        long stored = of(row);
        assertThat(fingerprints.of(row, List.of(6L), "dashboard//[5]")).isNotEqualTo(stored);
        assertThat(fingerprints.of(row, List.of(5L), "dashboard//[5];course/123/[5]")).isNotEqualTo(stored);
        assertThat(new RowFingerprint(KEY, "https://learn.edume.com|dashboard||[]|region=FR")
                .of(row, List.of(5L), "dashboard//[5]")).isNotEqualTo(stored);
        assertThat(new RowFingerprint("another secret's key".getBytes(StandardCharsets.UTF_8),
                "https://learn.edume.com|dashboard||[]|region=GB").of(row, List.of(5L), "dashboard//[5]"))
                .isNotEqualTo(stored);
    }

    @Test
    void idHashesSpreadAndTheSecondHashIsIndependent() {
        java.util.Set<Long> hashes = new java.util.HashSet<>();
        java.util.Set<Integer> buckets = new java.util.HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            long hash = RowFingerprint.idHash(String.format("E%07d", i));
            hashes.add(hash);
            buckets.add((int) (hash & 1023));
        }
        assertThat(hashes).hasSize(100_000);
        assertThat(buckets).hasSize(1024);
        assertThat(RowFingerprint.idCheck("E0000001")).isNotEqualTo(RowFingerprint.idCheck("E0000002"));
    }
}
