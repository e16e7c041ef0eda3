package com.example.hublinks.campaign;

/**
 * An SMS text and how carriers bill it. GSM-7 when every character is in the GSM 03.38 alphabet
 * (characters of its extension table, such as {@code € [ ] { } ~ ^ | \}, take two septets),
 * otherwise UCS-2 counted in UTF-16 code units (an emoji is two). One part holds 160 septets or
 * 70 UCS-2 units; a longer text is split into parts of 153 and 67, the rest being the
 * concatenation header.
 */
public record SmsMessage(String text, String encoding, int segments) {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    public static SmsMessage of(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets += 1;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                int units = text.length();
                return new SmsMessage(text, "UCS-2", units <= 70 ? 1 : (units + 66) / 67);
            }
        }
        return new SmsMessage(text, "GSM-7", septets <= 160 ? 1 : (septets + 152) / 153);
    }

    /** Fills {@code {first_name}}, {@code {last_name}} and {@code {link}} into a message template. */
    public static SmsMessage render(String template, String firstName, String lastName, String link) {
        return of(template.replace("{first_name}", nullToEmpty(firstName))
                .replace("{last_name}", nullToEmpty(lastName))
                .replace("{link}", link));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
