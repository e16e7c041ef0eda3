package com.example.hublinks.roster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rejects (or warnings) counted by reason, with the first lines of each, for report.json, the
 * report page and HR's upload check: a reason is grouped with the values it quotes and its
 * numbers left out ("email '…' is not a valid address"), so a thousand mistyped addresses are
 * one line with a count. Bounded: past {@value #MAX_REASONS} kinds, the rest count as one.
 */
public final class ReasonTally {

    static final int FIRST_LINES = 5;
    static final int MAX_REASONS = 100;
    static final String OTHER = "other reasons";

    private static final Pattern QUOTED = Pattern.compile("'[^']*'");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final Map<String, Reason> reasons = new LinkedHashMap<>();
    private long total;

    /** One reason and how often it came, with its first lines in file order. */
    public record Reason(String reason, long count, List<Long> firstLines) {
    }

    void add(String reason, long line) {
        total++;
        String kind = kind(reason);
        if (!reasons.containsKey(kind) && reasons.size() >= MAX_REASONS) {
            kind = OTHER;
        }
        Reason seen = reasons.get(kind);
        List<Long> lines = seen == null ? new ArrayList<>() : new ArrayList<>(seen.firstLines());
        if (lines.size() < FIRST_LINES) {
            lines.add(line);
        }
        reasons.put(kind, new Reason(kind, seen == null ? 1 : seen.count() + 1, List.copyOf(lines)));
    }

    public long total() {
        return total;
    }

    /** Most frequent first; of equal counts, the one met first. */
    public List<Reason> byCount() {
        return reasons.values().stream()
                .sorted(Comparator.comparingLong(Reason::count).reversed()
                        .thenComparingLong(r -> r.firstLines().get(0)))
                .toList();
    }

    /** The tallies of several import passes as one: counts added, first lines the first of all. */
    static ReasonTally sum(List<ReasonTally> tallies) {
        ReasonTally sum = new ReasonTally();
        for (ReasonTally tally : tallies) {
            sum.total += tally.total;
            tally.reasons.values().forEach(r -> sum.reasons.merge(r.reason(), r, (a, b) -> new Reason(a.reason(),
                    a.count() + b.count(), java.util.stream.Stream.concat(a.firstLines().stream(), b.firstLines().stream())
                    .sorted().limit(FIRST_LINES).toList())));
        }
        return sum;
    }

    static String kind(String reason) {
        return NUMBER.matcher(QUOTED.matcher(reason).replaceAll("'…'")).replaceAll("N");
    }
}
