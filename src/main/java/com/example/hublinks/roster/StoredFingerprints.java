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

    private final long[] keys;
    private final int[] checks;
    private final long[] values;
    private final BitSet seen = new BitSet();
    private final BitSet ambiguous = new BitSet();
    private final BitSet forced = new BitSet();
    private final int mask;
    private final int limit;
    private int size;
    private int loaded;
    private int seenCount;

    /** A table for up to {@code capacity} learners. */
    StoredFingerprints(int capacity) {
        int slots = Integer.highestOneBit(Math.max(16, capacity + capacity / 3) * 2 - 1);
        keys = new long[slots];
        checks = new int[slots];
        values = new long[slots];
        mask = slots - 1;
        limit = slots / 4 * 3;
    }

    /** How many learners a table may hold in {@code bytes} of memory. */
    static int capacityFor(long bytes) {
        long slots = Long.highestOneBit(Math.max(16, bytes / 20));
        return (int) Math.min(Integer.MAX_VALUE / 2, slots / 4 * 3);
    }

    void put(long idHash, int idCheck, long fingerprint) {
        loaded++;
        long key = key(idHash);
        int slot = slotOf(key);
        if (keys[slot] == key) {
            ambiguous.set(slot);
            return;
        }
        if (size >= limit) {
            throw new IllegalStateException("more stored learners than the table was made for (" + limit + ")");
        }
        keys[slot] = key;
        checks[slot] = idCheck;
        values[slot] = fingerprint;
        size++;
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

    /** Stored learners loaded (ambiguous ones included). */
    int loaded() {
        return loaded;
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
