package com.example.hublinks.support;

import java.util.Collections;

/**
 * A table of ids as SQL: {@code (values (?), (?), …) v(id)}, to join a chunk's ids against a
 * primary key. H2 answers {@code external_user_id in (…)} on the second column of a key with a
 * scan of every row, but a join from this table with one index probe per id.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** {@code (values (?), …) v(id)} with {@code count} placeholders (at least one). */
    public static String ids(int count) {
        return "(values " + String.join(", ", Collections.nCopies(Math.max(1, count), "(?)")) + ") v(id)";
    }
}
