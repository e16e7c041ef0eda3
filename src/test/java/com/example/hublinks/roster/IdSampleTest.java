package com.example.hublinks.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where signLinks cuts the delta, from a sample of the staged ids instead of a scan of the table. */
class IdSampleTest {

    @Test
    void aMillionIdsAreCutIntoRangesOfAboutEqualSize() {
        IdSample sample = new IdSample();
        for (int i = 0; i < 1_000_000; i++) {
            sample.add(String.format("E%07d", i));
        }
        List<String> hints = sample.hints();
        assertThat(hints).hasSize(63).isSorted();
        List<String> four = IdSample.splitPoints(hints, 4);
        assertThat(four).hasSize(3);
        for (int part = 1; part <= 3; part++) {
            int at = Integer.parseInt(four.get(part - 1).substring(1));
            assertThat(at).as("split " + part).isBetween(part * 250_000 - 20_000, part * 250_000 + 20_000);
        }
        assertThat(IdSample.splitPoints(hints, 1)).isEmpty();
        assertThat(IdSample.splitPoints(hints, 64)).hasSize(63);
    }

    @Test
    void aSmallDeltaIsNotSampledAndTheTableIsAskedInstead() {
        IdSample sample = new IdSample();
        for (int i = 0; i < 10; i++) {
            sample.add("E" + i);
        }
        assertThat(sample.hints()).isEmpty();
        assertThat(IdSample.splitPoints(sample.hints(), 4)).isEmpty();
    }
}
