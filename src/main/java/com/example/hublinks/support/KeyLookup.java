package com.example.hublinks.support;

/**
 * How a chunk of learners (in id order) finds its stored rows: not at all (nothing is stored yet:
 * a job's first night), one range of the primary key from the chunk's first id to its last (the
 * chunk is most of that range), or one index probe per id (a few changed learners spread over a
 * million stored ones, where the range would read all of them).
 */
public enum KeyLookup {
    NONE, RANGE, PER_ID;

    /** For a night that stages {@code staged} learners against {@code stored} ones ({@code anyStored}: any row at all). */
    public static KeyLookup of(boolean anyStored, boolean sparse) {
        return !anyStored ? NONE : sparse ? PER_ID : RANGE;
    }
}
