package com.example.hublinks.support;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * One night's output folder, {@code out/{job}/{run-date}/}. Files hold credentials-grade links:
 * the folder is owner-only (0700) and every file is published owner-readable only (0600). A file
 * is written under a {@code .part} name and renamed when complete, so a reader never sees half
 * a file and a crash never leaves one under the final name.
 */
public class OutputDirectory {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path dir;

    public OutputDirectory(Path outDir, String job, LocalDate runDate) {
        this(outDir.resolve(job).resolve(runDate.toString()));
    }

    /** Any owner-only folder, such as the one {@code preview} writes to. */
    public OutputDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public Path part(String name) {
        return dir.resolve(name + ".part");
    }

    /** Creates the folder (owner-only) if needed. */
    public OutputDirectory create() {
        try {
            Files.createDirectories(dir);
            if (POSIX) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + dir, e);
        }
    }

    /** Renames {@code name.part} to {@code name}, owner-readable only. A missing part means it was published already. */
    public void publish(String name) {
        Path part = part(name);
        if (!Files.exists(part)) {
            return;
        }
        try {
            restrict(part);
            Files.move(part, file(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + file(name), e);
        }
    }

    /** Writes a small file whole: to its part name first, then renamed. */
    public void write(String name, String content) {
        create();
        try {
            newPart(name);
            Files.writeString(part(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(part(name)); // a full disk: leave no half-written part behind
            } catch (IOException ignored) {
                // the failure below says what matters
            }
            throw new UncheckedIOException("cannot write " + part(name) + ": " + e.getMessage(), e);
        }
        publish(name);
    }

    /** A new, empty file (replacing one there), owner-readable only from its first byte, open for writing. */
    public static FileChannel createOwnerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return POSIX ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : FileChannel.open(file, options);
    }

    /**
     * Creates {@code name.part} empty (replacing any left by an earlier attempt), owner-only from the
     * first byte: a file created by whoever writes it next gets the process's umask (0644, usually)
     * and would be readable by others until it is published.
     */
    public Path newPart(String name) throws IOException {
        Path part = part(name);
        createOwnerOnly(part).close();
        return part;
    }

    /** Lower-case hex SHA-256 of a published file. */
    public String sha256(String name) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file(name)), MessageDigest.getInstance("SHA-256"))) {
            DigestInputStream digesting = (DigestInputStream) in;
            digesting.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(name), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records in a published file: CSV records less the header (quoted line breaks are one record), or lines. */
    public long rows(String name) {
        try {
            if (!name.endsWith(".csv")) {
                try (var lines = Files.lines(file(name), StandardCharsets.UTF_8)) {
                    return lines.count();
                }
            }
            try (CSVReader csv = new CSVReaderBuilder(Files.newBufferedReader(file(name), StandardCharsets.UTF_8))
                    .withCSVParser(new RFC4180ParserBuilder().build()).build()) {
                long records = 0;
                while (csv.readNext() != null) {
                    records++;
                }
                return Math.max(0, records - 1);
            }
        } catch (IOException | CsvValidationException e) {
            throw new IllegalStateException("cannot read " + file(name), e);
        }
    }

    private static void restrict(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
