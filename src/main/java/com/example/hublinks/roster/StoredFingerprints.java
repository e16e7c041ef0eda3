package com.example.hublinks.roster;

import java.util.BitSet;

/**
 * The live learners of the last published night, in memory for one import pass: a learner's id
 * (as two independent hashes, 96 bits) → their stored fingerprint, in open addressing (arrays,
 * no object per learner: 20 bytes a slot, at most three quarters full). As tonight's rows are
 * read, each stored learner met is marked seen, keeping the line they were first seen on: a
 * second row with their id is a duplicate naming that line, and learners never seen have left.
 * <p>
 * Two stored learners whose ids share the 64-bit hash make the slot {@linkplain #isAmbiguous
 * ambiguous}: the table cannot tell them apart, so their rows take the path of new learners and
 * the database decides (whose staging finds their duplicates, and whether they left).
 */
final class StoredFingerprints {

    private static final long EMPTY = 0;

    private static final int BYTES_PER_SLOT = 20;

    private final int maxSlots;
    private long[] keys;
    private int[] checks;
    private long[] values;
    private BitSet ambiguous = new BitSet();
    private final BitSet seen = new BitSet();
    private final BitSet forced = new BitSet();
    private int mask;
    private int limit;
    private int size;
    private int seenCount;

    /** An empty table that may grow to {@code maxBytes} of memory. */
    StoredFingerprints(long maxBytes) {
        maxSlots = (int) Math.min(1 << 30, Long.highestOneBit(Math.max(16, maxBytes / BYTES_PER_SLOT)));
        allocate(Math.min(maxSlots, 1 << 16));
    }

    /** How many learners a table may hold in {@code bytes} of memory. */
    static int capacityFor(long bytes) {
        return (int) (Math.min(1 << 30, Long.highestOneBit(Math.max(16, bytes / BYTES_PER_SLOT))) / 4 * 3);
    }

    /** Adds a stored learner; false when the table is as large as it may grow and full (nothing added). */
    boolean put(long idHash, int idCheck, long fingerprint) {
        long key = key(idHash);
        int slot = slotOf(key);
        if (keys[slot] == key) {
            ambiguous.set(slot);
            return true;
        }
        if (size >= limit) {
            if (keys.length >= maxSlots) {
                return false;
            }
            grow();
            slot = slotOf(key);
        }
        keys[slot] = key;
        checks[slot] = idCheck;
        values[slot] = fingerprint;
        size++;
        return true;
    }

    private void allocate(int slots) {
        keys = new long[slots];
        checks = new int[slots];
        values = new long[slots];
        mask = slots - 1;
        limit = slots / 4 * 3;
    }

    /** Twice the slots, every learner put again (only while loading: nothing is seen yet). */
    private void grow() {
        long[] oldKeys = keys;
        int[] oldChecks = checks;
        long[] oldValues = values;
        BitSet oldAmbiguous = ambiguous;
        allocate(keys.length * 2);
        ambiguous = new BitSet();
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                checks[slot] = oldChecks[i];
                values[slot] = oldValues[i];
                if (oldAmbiguous.get(i)) {
                    ambiguous.set(slot);
                }
            }
        }
    }

    /** The slot of the stored learner with this id, or -1 (an id the table does not hold). */
    int find(long idHash, int idCheck) {
        long key = key(idHash);
        int slot = slotOf(key);
        if (keys[slot] != key) {
            return -1;
        }
        return ambiguous.get(slot) || checks[slot] == idCheck ? slot : -1;
    }

    boolean isAmbiguous(int slot) {
        return ambiguous.get(slot);
    }

    /** A learner to be staged tonight even if their row did not change (an earlier attempt of the night changed them). */
    void force(int slot) {
        forced.set(slot);
    }

    /** Whether tonight's row of the slot's learner is unchanged if its fingerprint is the stored one. */
    boolean mayBeUnchanged(int slot) {
        return !seen.get(slot) && !forced.get(slot) && !ambiguous.get(slot);
    }

    /** The stored fingerprint of a slot not seen yet tonight. */
    long fingerprint(int slot) {
        return values[slot];
    }

    boolean isSeen(int slot) {
        return seen.get(slot);
    }

    /** The line the learner of a seen slot was first seen on tonight. */
    long seenOn(int slot) {
        return values[slot];
    }

    /** Tonight's row of this learner, on {@code line}: unchanged or changed, they are on tonight's roster. */
    void markSeen(int slot, long line) {
        seen.set(slot);
        seenCount++;
        values[slot] = line;
    }

    /** Stored learners not met tonight, ambiguous ones aside: this pass's leavers. */
    int unseen() {
        return size - seenCount - ambiguous.cardinality();
    }

    boolean hasAmbiguous() {
        return !ambiguous.isEmpty();
    }

    private int slotOf(long key) {
        int slot = (int) key & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long key(long idHash) {
        return idHash == EMPTY ? 1 : idHash;
    }
}
