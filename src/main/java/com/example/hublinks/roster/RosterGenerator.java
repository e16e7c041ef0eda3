package com.example.hublinks.roster;

import java.io.IOException;
import java.io.Writer;
import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A made-up but realistic roster in the sample's columns, for benchmarks and load tests: the same
 * rows and seed always give the same bytes. Streams: one row at a time, nothing kept per learner.
 * Ids are zero-padded in row order; about 1 in 30 learners has no email and 1 in 40 no phone (never
 * both), some names carry accents or a quoted comma, phones come in the formats HR exports hold.
 * <p>
 * {@link NextNightRoster} writes the next night's roster of one it wrote; {@link BadPhones} spoils
 * a share of the phone numbers.
 */
public final class RosterGenerator {

    public static final String HEADER = "employee_id,first_name,last_name,email,mobile,team";

    private static final String[] FIRST = {"Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur",
            "Freya", "Leo", "Zoë", "Muhammad", "Sophie", "Harry", "Grace", "Jack", "Chloé", "Oscar", "Ella", "Charlie",
            "Priya", "Kwame", "Aoife", "Siobhán", "Lucas", "René", "Léa", "Hugo", "Manon", "Théo", "Emma", "Jules",
            "Camille", "Inès", "Wiktoria", "Mateusz", "Yusuf", "Hannah", "Ethan", "Ruby", "Evie", "Tomasz", "Chiara",
            "Dmitri", "Niamh", "Joshua", "Björn", "Zoé", "Łucja", "Ngozi"};
    private static final String[] LAST = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
            "Davies", "Patel", "Wright", "Robinson", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
            "Wood", "O'Brien", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
            "Simon", "Laurent", "Lefebvre", "Michel", "García", "Kowalski", "Nowak", "Ahmed", "Hughes", "Edwards",
            "Clarke", "Jackson", "Turner", "Hill", "Cooper", "Wiśniewski", "Rossi", "Ivanov", "Murphy", "Khan",
            "Müller"};
    /** Team cells as the sample catalog knows them, by name or id; the first five are British, the rest French. */
    private static final String[] TEAMS = {"London", "Manchester", "New joiners", "5", "6", "Paris", "Lyon", "21"};
    private static final int BRITISH_TEAMS = 5;
    private static final String[] FIRST_ASCII = ascii(FIRST);
    private static final String[] LAST_ASCII = ascii(LAST);

    /** Salt of the bad phones' random stream: they never move today's rows (tomorrow's churn has its own). */
    private static final long BAD_PHONE_STREAM = 0x6261642d70686f6eL;

    private final long rows;
    private final long seed;
    private final double badPhones;

    public RosterGenerator(long rows, long seed) {
        this(rows, seed, 0);
    }

    /**
     * @param badPhones the share (0 to 1) of phone numbers written unusable, as real HR data has
     *                  them: too few digits, a letter for a digit, a desk extension alone, a
     *                  placeholder. They come from a random stream of their own: every other cell,
     *                  and every row at 0, is the same as without them.
     */
    public RosterGenerator(long rows, long seed, double badPhones) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be 0 or more");
        }
        this.rows = rows;
        this.seed = seed;
        this.badPhones = BadPhones.checkShare(badPhones);
    }

    /** Writes the header and every row, CRLF-terminated like an Excel export. */
    public void writeTo(Writer out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        BadPhones phones = new BadPhones(badPhones, new SplittableRandom(seed ^ BAD_PHONE_STREAM));
        int idWidth = Math.max(7, Long.toString(rows).length());
        StringBuilder line = new StringBuilder(160);
        out.write(HEADER);
        out.write("\r\n");
        for (long row = 1; row <= rows; row++) {
            line.setLength(0);
            appendRow(line, row, idWidth, random, phones);
            line.append("\r\n");
            out.append(line);
        }
    }

    /**
     * One learner's row, without its line end: the id {@code row} zero-padded to {@code idWidth},
     * every other cell drawn from {@code random}.
     */
    static void appendRow(StringBuilder line, long row, int idWidth, SplittableRandom random, BadPhones phones) {
        int first = random.nextInt(FIRST.length);
        int last = random.nextInt(LAST.length);
        int team = random.nextInt(TEAMS.length);
        int contact = random.nextInt(70); // 0..1: no email, 2: no phone
        boolean quotedSuffix = random.nextInt(200) == 0;

        String id = Long.toString(row);
        line.append('E');
        for (int pad = id.length(); pad < idWidth; pad++) {
            line.append('0');
        }
        line.append(id).append(',').append(FIRST[first]).append(',');
        if (quotedSuffix) {
            line.append('"').append(LAST[last]).append(", Jr.\"");
        } else {
            line.append(LAST[last]);
        }
        line.append(',');
        if (contact > 1) {
            line.append(FIRST_ASCII[first]).append('.').append(LAST_ASCII[last]).append('.').append(row).append("@example.com");
        }
        line.append(',');
        if (contact != 2) {
            int start = line.length();
            appendPhone(line, team < BRITISH_TEAMS, random);
            phones.spoil(line, start, team < BRITISH_TEAMS);
        }
        line.append(',').append(TEAMS[team]);
    }

    /** A mobile libphonenumber accepts: British (07958 …) in four spellings, or French (+33 6 1…). */
    private static void appendPhone(StringBuilder line, boolean british, SplittableRandom random) {
        int digits = random.nextInt(1_000_000);
        if (!british) {
            line.append("+33 6 1").append(digits / 100_000).append(' ');
            pair(line, digits / 1000 % 100).append(' ');
            pair(line, digits / 10 % 100).append(' ');
            line.append(digits % 10).append(random.nextInt(10));
            return;
        }
        switch (random.nextInt(4)) {
            case 0 -> line.append("07958 ");
            case 1 -> line.append("(07958) ");
            case 2 -> line.append("+44 7958 ");
            default -> line.append("07958");
        }
        pair(pair(pair(line, digits / 10_000), digits / 100 % 100), digits % 100);
    }

    private static StringBuilder pair(StringBuilder line, int value) {
        return line.append(value / 10).append(value % 10);
    }

    /** Names as they appear in email addresses: accents and apostrophes dropped, lower case. */
    private static String[] ascii(String[] names) {
        String[] plain = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            plain[i] = Normalizer.normalize(names[i], Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .replace("ł", "l").replace("Ł", "L").replace("'", "").toLowerCase(Locale.ROOT);
        }
        return plain;
    }
}
