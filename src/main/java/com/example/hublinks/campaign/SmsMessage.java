package com.example.hublinks.campaign;

import java.util.function.Function;

/**
 * An SMS text and how carriers bill it. GSM-7 when every character is in the GSM 03.38 alphabet
 * (characters of its extension table, such as {@code € [ ] { } ~ ^ | \}, take two septets: an
 * escape and the character), otherwise UCS-2 counted in UTF-16 code units (an emoji is two).
 * One part holds 160 septets or 70 UCS-2 units; a longer text is split into parts of 153 and 67,
 * the rest being the concatenation header. Phones never split an escape and its character, nor
 * the two halves of a surrogate pair, across parts, so the parts are filled the same way here.
 */
public record SmsMessage(String text, String encoding, int segments) {

    public static final String GSM_7 = "GSM-7";
    public static final String UCS_2 = "UCS-2";

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";
    /** Septets per UTF-16 char (0: not GSM-7), looked up rather than searched: a million texts a night. */
    private static final byte[] SEPTETS = new byte[Character.MAX_VALUE + 1];

    static {
        GSM_BASIC.chars().forEach(c -> SEPTETS[c] = 1);
        GSM_EXTENSION.chars().forEach(c -> SEPTETS[c] = 2);
    }

    public static SmsMessage of(String text) {
        int[] costs = new int[text.length()];
        boolean gsm = true;
        for (int i = 0; i < text.length() && gsm; i++) {
            char c = text.charAt(i);
            costs[i] = SEPTETS[c];
            gsm = costs[i] > 0;
        }
        if (gsm) {
            return new SmsMessage(text, GSM_7, segments(costs, text.length(), 160, 153));
        }
        int units = 0;
        int[] pairs = new int[text.length()];
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            pairs[units++] = Character.charCount(text.codePointAt(i));
        }
        return new SmsMessage(text, UCS_2, segments(pairs, units, 70, 67));
    }

    /**
     * Parts needed for characters of the given costs (septets, or UTF-16 units per code point):
     * one part if the total fits {@code single}, else parts of {@code multi}, filled greedily
     * without splitting a character.
     */
    private static int segments(int[] costs, int count, int single, int multi) {
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += costs[i];
        }
        if (total <= single) {
            return 1;
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < count; i++) {
            if (used + costs[i] > multi) {
                parts++;
                used = 0;
            }
            used += costs[i];
        }
        return parts;
    }

    /**
     * Fills {@code {first_name}}, {@code {last_name}} and {@code {link}} into a message template,
     * in one pass: a name that itself reads "{link}" stays text.
     */
    public static SmsMessage render(String template, String firstName, String lastName, String link) {
        return render(template, name -> switch (name) {
            case "first_name" -> nullToEmpty(firstName);
            case "last_name" -> nullToEmpty(lastName);
            case "link" -> nullToEmpty(link);
            default -> null; // not a placeholder: stays text
        });
    }

    /**
     * Fills a message template in one pass: each {@code {name}} whose value {@code placeholders}
     * gives (null: not a placeholder, it stays text); a value that itself reads "{link}" stays text.
     */
    public static SmsMessage render(String template, Function<String, String> placeholders) {
        StringBuilder text = new StringBuilder(template.length() + 120);
        int from = 0;
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
            int close = template.indexOf('}', open);
            if (close < 0) {
                break;
            }
            String value = placeholders.apply(template.substring(open + 1, close));
            if (value != null) {
                text.append(template, from, open).append(value);
                from = close + 1;
                open = close;
            }
        }
        return of(text.append(template, from, template.length()).toString());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
