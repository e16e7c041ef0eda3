package com.example.hublinks;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Small helpers for tests that read what the job wrote. */
public final class TestFiles {

    /** The sample job's demo secret, read as the job reads it. */
    public static final String DEMO_SECRET = read(Path.of("sample-data/demo-signing-secret.txt")).strip();

    private TestFiles() {
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV file's records by header name (RFC 4180, as opencsv reads it). */
    public static List<Map<String, String>> csv(Path file) {
        try (CSVReader reader = new CSVReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            List<String[]> rows = reader.readAll();
            String[] header = rows.get(0);
            List<Map<String, String>> records = new ArrayList<>();
            for (String[] row : rows.subList(1, rows.size())) {
                Map<String, String> record = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    record.put(header[i], row[i]);
                }
                records.add(record);
            }
            return records;
        } catch (IOException | CsvException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a link's signature the way eduMe does, with the JDK's HMAC directly (not hublinks'
     * signer): the URL before {@code &sig=} is signed with the secret, lower-case hex.
     */
    public static boolean signatureHolds(String link, String secret) {
        int at = link.lastIndexOf("&sig=");
        if (at < 0) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(link.substring(0, at).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString().equals(link.substring(at + 5));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
