package com.example.hublinks.web;

import java.util.List;

/**
 * The check of one uploaded roster (DESIGN §7), as {@code POST /rosters} answers a script and as
 * the page shows it: what {@code run --dry-run} finds in the file, and the guard's verdict against
 * the last published night. Status {@code OK} (exit code 0), {@code GUARD} (3: the night would
 * stop), {@code REFUSED} (2: not a CSV hublinks can read; the message says what to do) or
 * {@code FAILED} (1: the check itself could not run, e.g. the eduMe API is down; try again).
 */
record CheckResult(String uploadId, String fileName, String sha256, String status, int exitCode, Counts counts,
                   List<RejectGroup> rejectsByReason, Guard guard, String message, List<String> contactWarnings,
                   String checkedAt) {

    static final String OK = "OK";
    static final String GUARD = "GUARD";
    static final String REFUSED = "REFUSED";
    static final String FAILED = "FAILED";

    CheckResult {
        rejectsByReason = List.copyOf(rejectsByReason);
        contactWarnings = List.copyOf(contactWarnings);
    }

    record Counts(long read, long usable, long rejected, long warnings) {
        static final Counts NONE = new Counts(0, 0, 0, 0);
    }

    /** One reason, how many rows it rejected, and the first of their line numbers. */
    record RejectGroup(String reason, long count, List<Long> firstLines) {
        RejectGroup {
            firstLines = List.copyOf(firstLines);
        }
    }

    /** The guard's verdict; {@code lastPublished} is the night it compares with (null before the first). */
    record Guard(boolean wouldPublish, List<String> reasons, LastPublished lastPublished) {
        Guard {
            reasons = List.copyOf(reasons);
        }
    }

    record LastPublished(String runDate, long learners) {
    }

    /** Whether "Use for tonight" may make this file the roster (a guard stop needs the shrink confirmed). */
    boolean usable() {
        return OK.equals(status) || shrinkOnly();
    }

    /** The guard would stop the night only because the roster shrank: HR may confirm that it is real. */
    boolean shrinkOnly() {
        return GUARD.equals(status) && !guard.reasons().isEmpty()
                && guard.reasons().stream().allMatch(reason -> reason.contains("hublinks.guard.max-shrink"));
    }
}
