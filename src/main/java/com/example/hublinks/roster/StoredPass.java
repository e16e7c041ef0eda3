package com.example.hublinks.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One pass of importRoster over the stored learners: all of them, or, when they do not fit in
 * {@code hublinks.scale.roster-memory}, the share whose id hash falls in this pass. Before the
 * roster is read their fingerprints go into memory; after it, the learners no row met are the
 * pass's leavers.
 */
final class StoredPass {

    static final int LEAVER_BATCH = 1000;

    private final LearnerRepository learners;
    private final String job;
    private final int pass;
    private final int passes;

    StoredPass(LearnerRepository learners, String job, int pass, int passes) {
        this.learners = learners;
        this.job = job;
        this.pass = pass;
        this.passes = passes;
    }

    /** The job's live learners with a fingerprint and without one, and whether this pass's share overflowed the table. */
    record Loaded(long fingerprinted, long unfingerprinted, boolean full) {
    }

    Loaded load(StoredFingerprints into) {
        long[] live = new long[2];
        boolean[] full = {false};
        learners.forEachLive(job, (id, fingerprint) -> {
            if (fingerprint == null) {
                live[1]++;
                return;
            }
            live[0]++;
            long idHash = RowFingerprint.idHash(id);
            if (!full[0] && holds(idHash)) {
                full[0] = !into.put(idHash, RowFingerprint.idCheck(id), fingerprint);
            }
        });
        return new Loaded(live[0], live[1], full[0]);
    }

    /**
     * Streams the pass's learners no row of tonight's met to {@code leave}, a batch at a time; those
     * the table could not tell apart go to {@code leaveUnlessStaged} (leavers unless tonight's delta has them).
     */
    void leavers(StoredFingerprints stored, Consumer<List<String>> leave, Consumer<List<String>> leaveUnlessStaged) {
        if (stored.unseen() == 0 && !stored.hasAmbiguous()) {
            return;
        }
        List<String> gone = new ArrayList<>();
        List<String> unsure = new ArrayList<>();
        learners.forEachLive(job, (id, fingerprint) -> {
            long idHash = RowFingerprint.idHash(id);
            if (fingerprint == null || !holds(idHash)) {
                return;
            }
            int slot = stored.find(idHash, RowFingerprint.idCheck(id));
            if (stored.isAmbiguous(slot)) {
                unsure.add(id);
            } else if (!stored.isSeen(slot)) {
                gone.add(id);
            }
            flushIfFull(gone, leave);
            flushIfFull(unsure, leaveUnlessStaged);
        });
        leave.accept(gone);
        leaveUnlessStaged.accept(unsure);
    }

    private static void flushIfFull(List<String> ids, Consumer<List<String>> action) {
        if (ids.size() >= LEAVER_BATCH) {
            action.accept(ids);
        }
    }

    /** Whether this pass holds the learner or row of that id hash. */
    boolean holds(long idHash) {
        return (int) Long.remainderUnsigned(idHash >>> 32, passes) == pass;
    }
}
