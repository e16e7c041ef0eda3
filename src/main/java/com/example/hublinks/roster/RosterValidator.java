package com.example.hublinks.roster;

import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.roster.RosterSettings.Columns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a {@link RosterRow} into a {@link Learner} or a {@link RejectedRow}. Every problem of a
 * row is collected into one reason. A bad phone next to a good email (or the other way round)
 * keeps the learner on the channel that works and records a warning, because a typo in a
 * phone number must not cost a learner their link. Pure: no I/O, so it is trivially restartable.
 */
public class RosterValidator implements ItemProcessor<RosterRow, ValidatedRow> {

    static final int MAX_ID_LENGTH = 255;
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_TEAM_LENGTH = 255;
    static final int MAX_LOCALE_LENGTH = 35;
    /** The roster_reject.reason column holds 2000 characters; values quoted in a reason are shortened. */
    static final int MAX_REASON_LENGTH = 2000;
    private static final int MAX_QUOTED = 60;
    private static final int MAX_TEAM_CELLS = 100_000;
    private static final Pattern TEAM_SEPARATORS = Pattern.compile("[|,]"); // several teams: "5|6" or "5,6"
    /** A kept row whose email was dropped (invalid; the learner is reached by SMS). */
    public static final int EMAIL_DROPPED = 1;
    /** A kept row whose phone was dropped (invalid; the learner is reached by email). */
    public static final int PHONE_DROPPED = 2;

    private final Columns columns;
    private final Catalog catalog;
    private final ContactRules contacts;
    private final boolean contactRequired;
    private final Map<String, ResolvedTeams> teamCells = new ConcurrentHashMap<>();

    public RosterValidator(Columns columns, Catalog catalog, ContactRules contacts, boolean contactRequired) {
        this.columns = columns;
        this.catalog = catalog;
        this.contacts = contacts;
        this.contactRequired = contactRequired;
    }

    /** The settings a row's outcome depends on, for its fingerprint: a change re-validates every learner. */
    public String rulesKey() {
        return contacts.rulesKey() + ";contactRequired=" + contactRequired + ";columns=" + columns;
    }

    @Override
    public ValidatedRow process(RosterRow row) {
        return validate(row, resolveTeams(row));
    }

    /**
     * The row's team cell resolved against the catalog: what change detection needs before it
     * knows whether to validate. A roster holds a few hundred distinct team cells at most, so each
     * is resolved once a night (the catalog does not change during it).
     */
    public ResolvedTeams resolveTeams(RosterRow row) {
        String cell = row.team() == null ? "" : row.team();
        ResolvedTeams known = teamCells.get(cell);
        if (known != null) {
            return known;
        }
        ResolvedTeams resolved = resolve(cell);
        if (teamCells.size() < MAX_TEAM_CELLS) {
            teamCells.put(cell, resolved);
        }
        return resolved;
    }

    private ResolvedTeams resolve(String teamCell) {
        String teams = trim(teamCell);
        if (teams.length() > MAX_TEAM_LENGTH) {
            return new ResolvedTeams(List.of(), List.of("team is longer than " + MAX_TEAM_LENGTH + " characters"));
        }
        List<Long> ids = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String cell : TEAM_SEPARATORS.split(teams, -1)) {
            Catalog.TeamResolution team = catalog.resolveTeam(cell);
            if (team.found()) {
                ids.add(team.teamId());
            } else {
                problems.add(team.problem());
            }
        }
        return new ResolvedTeams(ids, problems);
    }

    /** Validates a row whose teams are already resolved. */
    public ValidatedRow validate(RosterRow row, ResolvedTeams teams) {
        Problems problems = new Problems();
        String id = trim(row.externalUserId());
        if (id.isEmpty()) {
            problems.add(columns.externalUserId(), "missing external user id");
        } else if (id.length() > MAX_ID_LENGTH) {
            problems.add(columns.externalUserId(), "external user id is longer than " + MAX_ID_LENGTH + " characters");
        }
        String firstName = trim(row.firstName());
        String lastName = trim(row.lastName());
        if (firstName.length() > MAX_NAME_LENGTH) {
            problems.add(columns.firstName(), "first name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (lastName.length() > MAX_NAME_LENGTH) {
            problems.add(columns.lastName(), "last name is longer than " + MAX_NAME_LENGTH + " characters");
        }

        String locale = trim(row.locale());
        if (locale.length() > MAX_LOCALE_LENGTH) {
            problems.add(columns.locale(), "locale is longer than " + MAX_LOCALE_LENGTH + " characters");
        }
        teams.problems().forEach(problem -> problems.add(columns.team(), problem));
        List<Long> teamIds = teams.ids();

        List<ContactWarning> warnings = new ArrayList<>();
        String email = trim(row.email());
        String emailProblem = email.isEmpty() ? null : contacts.emailProblem(email);
        String rawPhone = trim(row.phone());
        String phone = rawPhone.isEmpty() ? "" : contacts.toE164(rawPhone);
        String phoneProblem = phone == null ? phoneProblem(rawPhone) : null;
        boolean emailUsable = !email.isEmpty() && emailProblem == null;
        boolean phoneUsable = phone != null && !phone.isEmpty();
        if (emailUsable || phoneUsable || !contactRequired) {
            if (emailProblem != null) {
                warnings.add(new ContactWarning(row.lineNo(), id, columns.email(), emailProblem + "; kept for SMS"));
            }
            if (phoneProblem != null) {
                warnings.add(new ContactWarning(row.lineNo(), id, columns.phone(), phoneProblem + "; kept for email"));
            }
        } else if (email.isEmpty() && rawPhone.isEmpty()) {
            problems.add(columns.email(), "no email or phone to send the link to");
        } else {
            if (emailProblem != null) {
                problems.add(columns.email(), emailProblem);
            }
            if (phoneProblem != null) {
                problems.add(columns.phone(), phoneProblem);
            }
        }

        if (!problems.isEmpty()) {
            return ValidatedRow.rejected(new RejectedRow(row.lineNo(), problems.firstColumn, problems.reason()));
        }
        Learner learner = new Learner(id, firstName, lastName, emailUsable ? email : "", phoneUsable ? phone : "",
                teamIds, locale, row.lineNo());
        return ValidatedRow.accepted(learner, warnings);
    }

    /**
     * Which contacts a kept row dropped, as {@link #EMAIL_DROPPED} and {@link #PHONE_DROPPED} bits:
     * stored with the learner, so that an unchanged row's warnings are written again without
     * validating it again ({@link #droppedContacts(RosterRow, int)}).
     */
    public int droppedContactFlags(ValidatedRow row) {
        int flags = 0;
        for (ContactWarning warning : row.warnings()) {
            flags |= warning.column().equals(columns.phone()) ? PHONE_DROPPED : EMAIL_DROPPED;
        }
        return flags;
    }

    /** The warnings of an unchanged row whose validation dropped the contacts in {@code flags}: the same as validating it. */
    public List<ContactWarning> droppedContacts(RosterRow row, int flags) {
        if (flags == 0) {
            return List.of();
        }
        String id = trim(row.externalUserId());
        List<ContactWarning> warnings = new ArrayList<>(2);
        if ((flags & EMAIL_DROPPED) != 0) {
            warnings.add(new ContactWarning(row.lineNo(), id, columns.email(),
                    contacts.emailProblem(trim(row.email())) + "; kept for SMS"));
        }
        if ((flags & PHONE_DROPPED) != 0) {
            warnings.add(new ContactWarning(row.lineNo(), id, columns.phone(),
                    phoneProblem(trim(row.phone())) + "; kept for email"));
        }
        return warnings;
    }

    private static String phoneProblem(String rawPhone) {
        return "phone '" + shorten(rawPhone) + "' is not a valid number";
    }

    private static String shorten(String value) {
        return value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "…";
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    private static final class Problems {
        private String firstColumn;
        private final List<String> reasons = new ArrayList<>();

        void add(String column, String reason) {
            if (firstColumn == null) {
                firstColumn = column;
            }
            reasons.add(reason);
        }

        boolean isEmpty() {
            return reasons.isEmpty();
        }

        String reason() {
            String joined = String.join("; ", reasons);
            return joined.length() <= MAX_REASON_LENGTH ? joined : joined.substring(0, MAX_REASON_LENGTH - 1) + "…";
        }
    }
}
