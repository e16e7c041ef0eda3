package com.example.hublinks.support;

import java.util.regex.Pattern;

/**
 * Formats CSV lines for the export files: RFC 4180 quoting, and spreadsheet formula injection
 * neutralised. A cell starting with {@code = + - @}, tab or CR gets a leading apostrophe, which
 * Excel and Google Sheets show as text; a valid E.164 phone number ({@code +} and digits only)
 * is left alone because SMS tools need it as it is.
 */
public final class CsvCells {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private CsvCells() {
    }

    public static String line(String... cells) {
        String[] safe = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = neutralise(cells[i]);
        }
        return join(safe);
    }

    /** Like {@link #line}, but a first cell that is a valid E.164 number keeps its {@code +}. */
    public static String lineWithPhone(String phone, String... rest) {
        String[] safe = new String[rest.length + 1];
        safe[0] = isE164(phone) ? phone : neutralise(phone);
        for (int i = 0; i < rest.length; i++) {
            safe[i + 1] = neutralise(rest[i]);
        }
        return join(safe);
    }

    private static String join(String[] cells) {
        StringBuilder line = new StringBuilder(160);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            appendQuoted(line, cells[i]);
        }
        return line.toString();
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    static boolean isE164(String phone) {
        return phone != null && E164.matcher(phone).matches();
    }

    private static void appendQuoted(StringBuilder line, String cell) {
        boolean quote = false;
        for (int i = 0; i < cell.length() && !quote; i++) {
            char c = cell.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            line.append(cell);
            return;
        }
        line.append('"');
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }
}
