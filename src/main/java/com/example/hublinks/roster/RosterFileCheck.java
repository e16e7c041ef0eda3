package com.example.hublinks.roster;

import com.example.hublinks.support.SettingsException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Looks at a roster file's bytes before it is parsed: refuses what is not CSV text (an Excel
 * workbook, UTF-16, binary data) with a message HR can act on, and finds the physical line of
 * an encoding problem. A decoder reports a bad byte somewhere in its 8 KB buffer, not on a line,
 * so the line is found by decoding the file again line by line.
 */
final class RosterFileCheck {

    private static final String ENCODING = "hublinks.roster.encoding";
    private static final String PATH = "hublinks.roster.path";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private RosterFileCheck() {
    }

    /** Throws (exit 2) when the file's first bytes show it is not a CSV text file. */
    static void refuseNonText(Path file) throws IOException {
        byte[] head = new byte[4096];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        if (startsWith(head, length, 'P', 'K', 3, 4)) {
            throw new SettingsException(PATH, file + " is an Excel workbook or a zip file, not CSV: in Excel use"
                    + " File > Save As > \"CSV UTF-8 (Comma delimited)\"");
        }
        if (startsWith(head, length, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new SettingsException(PATH, file + " is an old Excel (.xls) workbook, not CSV: in Excel use"
                    + " File > Save As > \"CSV UTF-8 (Comma delimited)\"");
        }
        if (startsWith(head, length, 0xFF, 0xFE) || startsWith(head, length, 0xFE, 0xFF)) {
            throw new SettingsException(PATH, file + " is UTF-16 (\"Unicode text\") text: save it as"
                    + " \"CSV UTF-8 (Comma delimited)\" instead");
        }
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                throw new SettingsException(PATH, file + " is not a CSV text file (binary data at byte " + (i + 1) + ")");
            }
        }
    }

    /** Whether the file starts with a UTF-8 byte-order mark, which settles its encoding whatever the setting says. */
    static boolean hasUtf8Bom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            return head.length == 3 && head[0] == UTF8_BOM[0] && head[1] == UTF8_BOM[1] && head[2] == UTF8_BOM[2];
        }
    }

    /** Decodes the whole file strictly (fast, in bulk); a bad byte is reported with its line. */
    static void decodeAll(Path file, Charset encoding) throws IOException {
        CharsetDecoder decoder = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] buffer = new char[1 << 16];
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), decoder)) {
            while (reader.read(buffer) >= 0) {
                // decoding is the check
            }
        } catch (CharacterCodingException e) {
            throw notDecodable(file, encoding);
        }
    }

    /** The exit-2 problem for a file that is not valid text in {@code encoding}, naming its first bad line. */
    static SettingsException notDecodable(Path file, Charset encoding) {
        long line = firstLine(file, bytes -> !decodes(bytes, encoding));
        String hint = encoding.equals(StandardCharsets.UTF_8)
                ? "; an Excel export is often windows-1252: set hublinks.roster.encoding: windows-1252"
                : "; check hublinks.roster.encoding";
        return new SettingsException(ENCODING, file + " line " + line + " is not valid " + encoding.name() + " text"
                + hint);
    }

    /**
     * Refuses a UTF-8 file read with a single-byte encoding such as windows-1252: it would decode
     * without error but turn "René" into "RenÃ©". Only checked when the setting is single-byte.
     * One bulk pass that stops at the first byte that is not UTF-8 — which a real windows-1252
     * file with any accent has; the line is only looked for when the file is refused.
     */
    static void refuseUtf8ReadAsSingleByte(Path file, Charset encoding) throws IOException {
        if (encoding.newEncoder().maxBytesPerChar() > 1) {
            return; // UTF-8 itself, or another multi-byte encoding
        }
        boolean nonAscii = false;
        char[] buffer = new char[1 << 16];
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            for (int read; (read = reader.read(buffer)) >= 0; ) {
                for (int i = 0; i < read && !nonAscii; i++) {
                    nonAscii = buffer[i] > 127;
                }
            }
        } catch (CharacterCodingException e) {
            return; // not UTF-8: the single-byte setting is right
        }
        if (nonAscii) {
            long line = firstLine(file, bytes -> !isAscii(bytes));
            throw new SettingsException(ENCODING, file + " line " + line + " is UTF-8 text, but the job reads the file"
                    + " as " + encoding.name() + " (names would be garbled): set hublinks.roster.encoding: utf-8");
        }
    }

    private interface LineTest {
        boolean matches(byte[] line);
    }

    /** The 1-based number of the first physical line the test matches, or 0. */
    private static long firstLine(Path file, LineTest test) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long number = 1;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    if (test.matches(line.toByteArray())) {
                        return number;
                    }
                    line.reset();
                    number++;
                } else {
                    line.write(b);
                }
            }
            return line.size() > 0 && test.matches(line.toByteArray()) ? number : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean decodes(byte[] bytes, Charset encoding) {
        CharsetDecoder decoder = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
