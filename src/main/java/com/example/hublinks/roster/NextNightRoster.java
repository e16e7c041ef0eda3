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
 * The next night's roster of one {@link RosterGenerator} wrote ({@code generate-roster --next-of}):
 * a share of learners with a new email, the same share gone, the same share of joiners appended,
 * every other row as it was.
 */
public final class NextNightRoster {

    /** Salt of the next night's random streams: tomorrow's churn never moves today's rows. */
    private static final long NEXT_STREAM = 0x6e6578742d6e6974L;

    private static final Pattern ID = Pattern.compile("E[0-9]{1,18}");
    private static final int COLUMNS = 6;

    private NextNightRoster() {
    }

    /** What {@link #write} did: rows read from the earlier roster, and how many learners changed email, left and joined. */
    public record NextNight(long read, long changedEmail, long left, long joined) {

        public long written() {
            return read - left + joined;
        }
    }

    /** The file given to {@link #write} is not a roster {@link RosterGenerator} wrote. */
    public static final class NotGeneratedException extends IOException {

        NotGeneratedException(String message) {
            super(message);
        }
    }

    /**
     * Writes the next night's roster of {@code roster}, a file {@link RosterGenerator} wrote: of its
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
     * @throws NotGeneratedException when the file is not a roster {@link RosterGenerator} wrote
     */
    public static NextNight write(Path roster, Writer out, long seed, double churn, double badPhones)
            throws IOException {
        if (!(churn >= 0 && churn <= 0.5)) {
            throw new IllegalArgumentException("churn must be between 0 and 0.5");
        }
        BadPhones.checkShare(badPhones);
        long[] survey = survey(roster); // rows, largest id, id width
        long rows = survey[0];
        long each = Math.min(Math.round(churn * rows), rows / 2);
        SplittableRandom streams = new SplittableRandom(seed ^ NEXT_STREAM);
        SplittableRandom pick = new SplittableRandom(streams.nextLong());
        SplittableRandom joiners = new SplittableRandom(streams.nextLong());
        BadPhones phones = new BadPhones(badPhones, new SplittableRandom(streams.nextLong()));

        long leaving = each;
        long changing = each;
        StringBuilder line = new StringBuilder(160);
        out.write(RosterGenerator.HEADER);
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
            RosterGenerator.appendRow(line, survey[1] + joiner, (int) survey[2], joiners, phones);
            out.append(line.append("\r\n"));
        }
        return new NextNight(rows, each, each, each);
    }

    /** Checks that the file is one {@link RosterGenerator} wrote; returns its rows, largest id number and id width. */
    private static long[] survey(Path roster) throws IOException {
        long rows = 0;
        long largest = 0;
        int width = 7;
        try (BufferedReader in = Files.newBufferedReader(roster, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!RosterGenerator.HEADER.equals(header)) {
                throw new NotGeneratedException(roster + " is not a roster written by generate-roster: its header is not "
                        + RosterGenerator.HEADER);
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
}
