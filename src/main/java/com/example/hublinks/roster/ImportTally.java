package com.example.hublinks.roster;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What importRoster found, kept in the job's execution context for the guard, signLinks, the
 * report and metrics (none of them counts the roster again): rows read and rejected, learners
 * unchanged since the last published night (and their links), staged to be signed, leaving, the
 * live learners before tonight, learners per team, and rejects and warnings by reason with the
 * first of each.
 */
public record ImportTally(long read, long rejected, long warnings, long unchanged, long unchangedLinks, long staged,
                          long leavers, long storedBefore, Map<Long, Long> perTeam,
                          List<ReasonTally.Reason> rejectReasons, List<ReasonTally.Reason> warningReasons,
                          List<RejectedRow> firstRejects, List<ContactWarning> firstWarnings, Roster roster,
                          List<String> splitHints) {

    /**
     * The roster file the night read ({@code sha256}: its SHA-256; null for a roster database),
     * what its rows were compared under ({@code context}: the catalog's, the settings' and the
     * key's hashes) and, when the night found it to be the file the last published night read,
     * that night's date ({@code unchangedSince}).
     */
    public record Roster(String sha256, String context, String unchangedSince) {
    }

    /** The job context key it is saved under (as JSON). */
    public static final String KEY = "importRoster.tally";

    public ImportTally {
        perTeam = Map.copyOf(perTeam);
        rejectReasons = List.copyOf(rejectReasons);
        warningReasons = List.copyOf(warningReasons);
        firstRejects = List.copyOf(firstRejects);
        firstWarnings = List.copyOf(firstWarnings);
        splitHints = splitHints == null ? List.of() : List.copyOf(splitHints);
    }

    /**
     * Where to cut tonight's delta into {@code parts} id ranges of about equal size (from a sample
     * of the staged ids); empty when the delta is too small to sample, or the tally has none.
     */
    public List<String> splitPoints(int parts) {
        return IdSample.splitPoints(splitHints, parts);
    }

    /** Read back from its JSON, as the job's context holds it under {@link #KEY}; null before the import saved it. */
    public static ImportTally read(String saved, JsonMapper json) {
        return saved == null ? null : json.readValue(saved, ImportTally.class);
    }

    /** Whether the tally saved as {@code saved} finds tonight's delta {@link #sparse()}: never before the import. */
    public static boolean sparse(String saved, JsonMapper json) {
        ImportTally tally = read(saved, json);
        return tally != null && tally.sparse();
    }

    /** Usable learners on tonight's roster. */
    public long usable() {
        return unchanged + staged;
    }

    /**
     * Whether tonight's delta is a small part of what is stored: signLinks then looks up its
     * learners' stored rows one by one instead of reading key ranges that hold mostly others.
     */
    public boolean sparse() {
        return staged * 4 < storedBefore;
    }
}
