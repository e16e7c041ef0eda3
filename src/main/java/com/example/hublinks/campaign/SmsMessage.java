package com.example.hublinks.campaign;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(first_name|last_name|link)}");

    public static SmsMessage of(String text) {
        int[] costs = new int[text.length()];
        boolean gsm = true;
        for (int i = 0; i < text.length() && gsm; i++) {
            char c = text.charAt(i);
            costs[i] = GSM_BASIC.indexOf(c) >= 0 ? 1 : GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 0;
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
        Map<String, String> values = Map.of("first_name", nullToEmpty(firstName), "last_name", nullToEmpty(lastName),
                "link", nullToEmpty(link));
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder(template.length() + 120);
        while (placeholders.find()) {
            placeholders.appendReplacement(text, Matcher.quoteReplacement(values.get(placeholders.group(1))));
        }
        placeholders.appendTail(text);
        return of(text.toString());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
