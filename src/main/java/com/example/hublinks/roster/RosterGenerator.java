package com.example.hublinks.roster;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * A made-up but realistic roster in the sample's columns, for benchmarks and load tests: the same
 * rows and seed always give the same bytes. Streams: one row at a time, nothing kept per learner.
 * Ids are zero-padded in row order; about 1 in 30 learners has no email and 1 in 40 no phone (never
 * both), some names carry accents or a quoted comma, phones come in the formats HR exports hold.
 * <p>
 * {@link #writeNextOf} writes the next night's roster of one it wrote: a share of learners with a
 * new email, the same share gone, the same share of joiners appended, every other row as it was.
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

    /** Salts of the generator's other random streams: bad phones and tomorrow's churn never move today's rows. */
    private static final long BAD_PHONE_STREAM = 0x6261642d70686f6eL;
    private static final long NEXT_STREAM = 0x6e6578742d6e6974L;

    private static final Pattern ID = Pattern.compile("E[0-9]{1,18}");
    private static final int COLUMNS = 6;

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
        if (!(badPhones >= 0 && badPhones <= 1)) {
            throw new IllegalArgumentException("badPhones must be between 0 and 1");
        }
        this.rows = rows;
        this.seed = seed;
        this.badPhones = badPhones;
    }

    /** Writes the header and every row, CRLF-terminated like an Excel export. */
    public void writeTo(Writer out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Phones phones = new Phones(badPhones, new SplittableRandom(seed ^ BAD_PHONE_STREAM));
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

    /** What {@link #writeNextOf} did: rows read from the earlier roster, and how many learners changed email, left and joined. */
    public record NextNight(long read, long changedEmail, long left, long joined) {

        public long written() {
            return read - left + joined;
        }
    }

    /** The file given to {@link #writeNextOf} is not a roster this generator wrote. */
    public static final class NotGeneratedException extends IOException {

        NotGeneratedException(String message) {
            super(message);
        }
    }

    /**
     * Writes the next night's roster of {@code roster}, a file this generator wrote: of its
     * learners, {@code round(churn × rows)} picked at random changed their email (a new address,
     * or one where they had none), as many others left (their rows dropped), and as many joiners,
     * with ids after the largest and generated like the others, are appended at the end, as an HR
     * export appends them. Every other row is written byte for byte as it was read, quotes
     * included. The same file and seed always give the same bytes. Streams: the file is read
     * twice (first to count its rows and find its largest id), one row at a time.
     *
     * @param churn     the share (0 to 0.5) of learners who changed email, and of those who left,
     *                  and of joiners
     * @param badPhones the share of the joiners' phone numbers written unusable
     * @throws NotGeneratedException when the file is not a roster this generator wrote
     */
    public static NextNight writeNextOf(Path roster, Writer out, long seed, double churn, double badPhones)
            throws IOException {
        if (!(churn >= 0 && churn <= 0.5)) {
            throw new IllegalArgumentException("churn must be between 0 and 0.5");
        }
        if (!(badPhones >= 0 && badPhones <= 1)) {
            throw new IllegalArgumentException("badPhones must be between 0 and 1");
        }
        long[] survey = survey(roster); // rows, largest id, id width
        long rows = survey[0];
        long each = Math.min(Math.round(churn * rows), rows / 2);
        SplittableRandom streams = new SplittableRandom(seed ^ NEXT_STREAM);
        SplittableRandom pick = new SplittableRandom(streams.nextLong());
        SplittableRandom joiners = new SplittableRandom(streams.nextLong());
        Phones phones = new Phones(badPhones, new SplittableRandom(streams.nextLong()));

        long leaving = each;
        long changing = each;
        StringBuilder line = new StringBuilder(160);
        out.write(HEADER);
        out.write("\r\n");
        try (BufferedReader in = Files.newBufferedReader(roster, StandardCharsets.UTF_8)) {
            ICSVParser parser = new RFC4180ParserBuilder().build();
            in.readLine(); // the header, checked by the survey
            long left = rows;
            for (String raw; (raw = in.readLine()) != null; left--) {
                // sequential sampling: exactly `each` leavers and `each` new emails, every row as likely
                long draw = left > 0 ? pick.nextLong(left) : 0;
                if (draw < leaving) {
                    leaving--;
                    continue;
                }
                if (draw < leaving + changing) {
                    changing--;
                    String[] cells = parser.parseLine(raw);
                    cells[3] = changedEmail(cells);
                    line.setLength(0);
                    for (int i = 0; i < cells.length; i++) {
                        appendCell(i == 0 ? line : line.append(','), cells[i]);
                    }
                    out.append(line.append("\r\n"));
                } else {
                    out.write(raw);
                    out.write("\r\n");
                }
            }
        }
        for (long joiner = 1; joiner <= each; joiner++) {
            line.setLength(0);
            appendRow(line, survey[1] + joiner, (int) survey[2], joiners, phones);
            out.append(line.append("\r\n"));
        }
        return new NextNight(rows, each, each, each);
    }

    /** Checks that the file is one this generator wrote; returns its rows, largest id number and id width. */
    private static long[] survey(Path roster) throws IOException {
        long rows = 0;
        long largest = 0;
        int width = 7;
        try (BufferedReader in = Files.newBufferedReader(roster, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!HEADER.equals(header)) {
                throw new NotGeneratedException(roster + " is not a roster written by generate-roster: its header is not "
                        + HEADER);
            }
            ICSVParser parser = new RFC4180ParserBuilder().build();
            for (String raw; (raw = in.readLine()) != null; ) {
                String[] cells = parser.parseLine(raw);
                if (parser.isPending() || cells.length != COLUMNS || !ID.matcher(cells[0]).matches()) {
                    throw new NotGeneratedException(roster + " is not a roster written by generate-roster: line "
                            + (rows + 2) + " is not a row of " + COLUMNS + " cells starting with an id like E0000001");
                }
                rows++;
                largest = Math.max(largest, Long.parseLong(cells[0], 1, cells[0].length(), 10));
                width = Math.max(width, cells[0].length() - 1);
            }
        } catch (CharacterCodingException e) {
            throw new NotGeneratedException(roster + " is not a roster written by generate-roster: it is not UTF-8 text");
        }
        return new long[] {rows, largest, width};
    }

    /** A new address: the same name at another domain, or, for a learner who had none, one made from their name and id. */
    private static String changedEmail(String[] cells) {
        String email = cells[3];
        int at = email.lastIndexOf('@');
        if (at > 0) {
            return email.substring(0, at) + "@mail." + email.substring(at + 1);
        }
        return emailName(cells[1]) + "." + emailName(cells[2]) + "." + Long.parseLong(cells[0].substring(1))
                + "@mail.example.com";
    }

    private static String emailName(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("ł", "l")
                .replace("Ł", "L").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** A cell quoted as the generator quotes: only when it holds a comma, a quote or a line break. */
    private static void appendCell(StringBuilder line, String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\r') < 0 && cell.indexOf('\n') < 0) {
            line.append(cell);
        } else {
            line.append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
    }

    private static void appendRow(StringBuilder line, long row, int idWidth, SplittableRandom random, Phones phones) {
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

    /** Which phone numbers come out unusable, and how: drawn from a stream of their own, only when the share is not 0. */
    private record Phones(double share, SplittableRandom random) {

        private static final String[] PLACEHOLDERS = {"n/a", "TBC", "unknown", "0000"};

        /** Maybe turns the valid number written from {@code start} into one no phone library accepts. */
        void spoil(StringBuilder line, int start, boolean british) {
            if (share == 0 || random.nextDouble() >= share) {
                return;
            }
            switch (random.nextInt(4)) {
                case 0 -> line.setLength(line.length() - (british ? 2 : 1)); // too few digits: 07958 1234
                case 1 -> line.setCharAt(line.length() - 2, 'O'); // a letter O for a nought: 07958 1234O6
                case 2 -> { // the desk extension alone: x4471, ext. 4471
                    line.setLength(start);
                    line.append(random.nextBoolean() ? "x" : "ext. ").append(1000 + random.nextInt(9000));
                }
                default -> {
                    line.setLength(start);
                    line.append(PLACEHOLDERS[random.nextInt(PLACEHOLDERS.length)]);
                }
            }
        }
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
