package com.example.hublinks.roster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A uniform sample of the ids importRoster staged (a reservoir of at most {@value #SIZE}), from
 * which signLinks cuts tonight's delta into ranges of about equal size without scanning it
 * (finding the id at offset N of a table takes a scan of N rows: a minute for ten million on H2).
 * A range's ends only have to be ids: the database's order decides which learners fall between.
 */
final class IdSample {

    static final int SIZE = 4096;
    /** The split hints kept: the ids at each sixty-fourth of the sample, enough for up to 64 partitions. */
    static final int HINTS = 64;

    private final String[] reservoir = new String[SIZE];
    private final SplittableRandom random = new SplittableRandom(42);
    private long seen;

    void add(String id) {
        if (seen < SIZE) {
            reservoir[(int) seen] = id;
        } else {
            long slot = random.nextLong(seen + 1);
            if (slot < SIZE) {
                reservoir[(int) slot] = id;
            }
        }
        seen++;
    }

    /** The ids at 1/64, 2/64 … 63/64 of the sample in order; empty when too few were staged to matter. */
    List<String> hints() {
        int size = (int) Math.min(seen, SIZE);
        if (size < HINTS) {
            return List.of();
        }
        String[] sorted = Arrays.copyOf(reservoir, size);
        Arrays.sort(sorted);
        List<String> hints = new ArrayList<>(HINTS - 1);
        for (int i = 1; i < HINTS; i++) {
            hints.add(sorted[(int) ((long) size * i / HINTS)]);
        }
        return hints;
    }

    /** Split points for {@code parts} ranges from {@link #hints()}: the nearest hints, each once. */
    static List<String> splitPoints(List<String> hints, int parts) {
        List<String> splits = new ArrayList<>();
        if (hints.size() != HINTS - 1) {
            return splits;
        }
        for (int part = 1; part < parts; part++) {
            String id = hints.get((int) Math.round((double) part * HINTS / parts) - 1);
            if (splits.isEmpty() || !splits.get(splits.size() - 1).equals(id)) {
                splits.add(id);
            }
        }
        return splits;
    }
}
