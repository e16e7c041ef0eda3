package com.example.hublinks.link;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding with RFC 3986 rules: the unreserved characters {@code A-Z a-z 0-9 - . _ ~}
 * stay, every other UTF-8 byte becomes {@code %XX} in upper case. Unlike
 * {@link java.net.URLEncoder} a space is {@code %20}, never {@code +}, so an id such as
 * {@code abc&g=999} can never add or change a parameter of the link.
 */
final class UriComponent {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriComponent() {
    }

    public static String encode(String value) {
        if (isAllUnreserved(value)) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** Decodes {@code %XX} sequences (and nothing else: a {@code +} stays a plus). */
    public static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            int hi = c == '%' && i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(value.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                out.write((hi << 4) | lo);
                i += 3;
            } else {
                int cp = value.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isAllUnreserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isUnreserved(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
