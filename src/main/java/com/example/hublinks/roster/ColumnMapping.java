package com.example.hublinks.roster;

import com.example.hublinks.roster.RosterSettings.Columns;
import com.example.hublinks.support.SettingsException;
import java.util.List;
import java.util.Locale;

/**
 * Finds the job definition's mapped columns ({@code hublinks.roster.columns.*}) among the names a
 * roster has — a CSV header or a query's result columns — ignoring case and surrounding spaces.
 * Positions follow {@link RosterRow}'s fields: id, first name, last name, email, phone, team, locale.
 */
final class ColumnMapping {

    private static final String[] KEYS = {"external-user-id", "first-name", "last-name", "email", "phone", "team", "locale"};

    private ColumnMapping() {
    }

    /**
     * The position of each field among {@code found}, -1 for an optional one that is absent (names
     * and locale). A required column that is missing stops the run (exit 2), naming it and listing
     * what {@code source} has.
     */
    static int[] positions(Columns columns, List<String> found, String source) {
        String[] wanted = {columns.externalUserId(), columns.firstName(), columns.lastName(), columns.email(),
                columns.phone(), columns.team(), columns.locale()};
        List<String> names = found.stream().map(ColumnMapping::normalise).toList();
        int[] positions = new int[wanted.length];
        for (int i = 0; i < wanted.length; i++) {
            positions[i] = names.indexOf(normalise(wanted[i]));
            boolean optional = i == 1 || i == 2 || i == 6; // names and locale may be absent from an export
            if (positions[i] < 0 && !optional) {
                throw new SettingsException("hublinks.roster.columns." + KEYS[i], "column '" + wanted[i]
                        + "' is not in " + source + "; found: " + String.join(", ", found));
            }
        }
        return positions;
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
