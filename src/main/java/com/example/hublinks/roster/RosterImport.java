package com.example.hublinks.roster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * The heart of importRoster: sorts a chunk of tonight's rows into unchanged learners (their
 * fingerprint equals the stored one: nothing more is done for them), learners to stage (new, or
 * changed: validated, then written to tonight's delta), duplicates and rejects. Validation
 * (libphonenumber, the costly part) runs on every core; the decisions are taken afterwards in
 * line order, so that the first row of an id wins whatever the threads did.
 */
final class RosterImport {

    static final int FIRST_SHOWN = 20;

    private final RosterValidator validator;
    private final RowFingerprint fingerprints;
    private final Function<List<Long>, PlannedLinks> planner;
    private final NightDelta delta;
    private final long instance;
    private final String idColumn;
    private final ForkJoinPool cores;
    /** Learners of the same teams get the same links: planned once a night per set of teams. */
    private final Map<List<Long>, PlannedLinks> plans = new ConcurrentHashMap<>();

    private StoredFingerprints stored;
    private IssueFile rejects;
    private IssueFile warnings;

    long unchanged;
    long unchangedLinks;
    long staged;
    final Map<Long, Long> perTeam = new TreeMap<>();
    final List<RejectedRow> firstRejects = new ArrayList<>();
    final List<ContactWarning> firstWarnings = new ArrayList<>();
    final IdSample sample = new IdSample();

    RosterImport(RosterValidator validator, RowFingerprint fingerprints, Function<List<Long>, PlannedLinks> planner,
                 NightDelta delta, long instance, String idColumn, ForkJoinPool cores) {
        this.validator = validator;
        this.fingerprints = fingerprints;
        this.planner = planner;
        this.delta = delta;
        this.instance = instance;
        this.idColumn = idColumn;
        this.cores = cores;
    }

    /** The stored learners this pass compares with, and where its rejects and warnings go. */
    void startPass(StoredFingerprints stored, IssueFile rejects, IssueFile warnings) {
        this.stored = stored;
        this.rejects = rejects;
        this.warnings = warnings;
    }

    /** One row with what is known of it before any decision: its teams, fingerprint and, unless it is unchanged, its validation. */
    private record Probe(RosterRow row, ResolvedTeams teams, long fingerprint, PlannedLinks links, int slot,
                         ValidatedRow validated) {

        boolean unchanged() {
            return validated == null;
        }
    }

    /** A reject or warning of this chunk, to be written in line order once the chunk's duplicates are known. */
    private record Issue(long line, boolean reject, String reason, String[] cells) {
    }

    void process(List<RosterRow> rows) throws Exception {
        List<Probe> probes = cores.submit(() -> rows.parallelStream().map(this::probe).toList()).get();
        List<Issue> issues = new ArrayList<>();
        List<StagedLearner> toStage = new ArrayList<>();
        List<Probe> stagedProbes = new ArrayList<>();
        for (Probe probe : probes) {
            long line = probe.row().lineNo();
            int slot = probe.slot();
            boolean known = slot >= 0 && !stored.isAmbiguous(slot);
            if (known && stored.isSeen(slot)) {
                // an id met earlier tonight: a duplicate, unless the row is no learner at all
                ValidatedRow validated = probe.unchanged() ? null : probe.validated();
                issues.add(validated != null && validated.reject() != null ? reject(validated.reject())
                        : duplicate(probe, stored.seenOn(slot)));
            } else if (probe.unchanged()) {
                stored.markSeen(slot, line);
                unchanged++;
                unchangedLinks += probe.links().count();
                count(probe.teams().ids());
                // an unchanged row's fingerprint is the stored one, whose flags say which contacts it dropped
                validator.droppedContacts(probe.row(), (int) (probe.fingerprint() & RowFingerprint.FLAGS))
                        .forEach(w -> issues.add(warning(w)));
            } else if (probe.validated().reject() != null) {
                issues.add(reject(probe.validated().reject()));
            } else {
                if (known) {
                    stored.markSeen(slot, line);
                }
                toStage.add(new StagedLearner(probe.validated().learner(),
                        probe.fingerprint() | validator.droppedContactFlags(probe.validated())));
                stagedProbes.add(probe);
            }
        }
        // the insert skips ids staged already: new learners, whose duplicates the table cannot see
        List<StagedLearner> duplicates = delta.insertNew(instance, toStage);
        int d = 0;
        for (int i = 0; i < toStage.size(); i++) {
            StagedLearner learner = toStage.get(i);
            Probe probe = stagedProbes.get(i);
            if (d < duplicates.size() && duplicates.get(d) == learner) {
                d++;
                issues.add(duplicate(probe, delta.lineOf(instance, learner.learner().externalUserId())));
                continue;
            }
            staged++;
            sample.add(learner.learner().externalUserId());
            count(learner.learner().teamIds());
            probe.validated().warnings().forEach(w -> issues.add(warning(w)));
        }
        issues.sort(Comparator.comparingLong(Issue::line).thenComparing(Issue::reject, Comparator.reverseOrder()));
        for (Issue issue : issues) {
            (issue.reject() ? rejects : warnings).add(issue.line(), issue.reason(), issue.cells());
        }
    }

    private Probe probe(RosterRow row) {
        ResolvedTeams teams = validator.resolveTeams(row);
        int slot = stored.find(RowFingerprint.idHash(idOf(row)), RowFingerprint.idCheck(idOf(row)));
        if (!teams.problems().isEmpty()) { // a team the catalog does not resolve: a reject, never unchanged
            return new Probe(row, teams, 0, null, slot, validator.validate(row, teams));
        }
        PlannedLinks links = plans.computeIfAbsent(teams.ids(), planner);
        long fingerprint = fingerprints.of(row, teams.ids(), links.key());
        if (slot >= 0 && stored.mayBeUnchanged(slot) && (stored.fingerprint(slot) & ~RowFingerprint.FLAGS) == fingerprint) {
            return new Probe(row, teams, stored.fingerprint(slot), links, slot, null);
        }
        return new Probe(row, teams, fingerprint, links, slot, validator.validate(row, teams));
    }

    static String idOf(RosterRow row) {
        return row.externalUserId() == null ? "" : row.externalUserId().strip();
    }

    private void count(List<Long> teamIds) {
        teamIds.forEach(team -> perTeam.merge(team, 1L, Long::sum));
    }

    private Issue reject(RejectedRow reject) {
        if (firstRejects.size() < FIRST_SHOWN) {
            firstRejects.add(reject);
        }
        return new Issue(reject.lineNo(), true, reject.reason(), new String[] {reject.column(), reject.reason()});
    }

    private Issue duplicate(Probe probe, long firstLine) {
        String id = idOf(probe.row());
        long line = probe.row().lineNo();
        return reject(new RejectedRow(line, idColumn, "duplicate external user id '" + id + "': line " + firstLine
                + " has it first (line " + line + " is rejected)"));
    }

    private Issue warning(ContactWarning warning) {
        if (firstWarnings.size() < FIRST_SHOWN) {
            firstWarnings.add(warning);
        }
        return new Issue(warning.lineNo(), false, warning.reason(),
                new String[] {warning.externalUserId(), warning.column(), warning.reason()});
    }
}
