package com.example.hublinks.roster;

import com.example.hublinks.support.CsvCells;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import com.example.hublinks.support.OutputDirectory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * {@code rejects.csv} or {@code warnings.csv} as the import finds them: one CSV record per row,
 * in line order, streamed to the night's folder under its {@code .part} name (owner-only from the
 * first byte) and counted by reason. The report step publishes it. Nothing is held per row, so a
 * roster with a million bad phone numbers costs no memory.
 */
final class IssueFile implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final BufferedWriter out;
    private final ReasonTally tally = new ReasonTally();

    IssueFile(OutputDirectory dir, String name, String header) {
        this.path = dir.create().part(name);
        try {
            channel = OutputDirectory.createOwnerOnly(path);
            out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16);
            out.write(header);
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** One record: its line number, then its cells; {@code reason} is what it is counted under. */
    void add(long line, String reason, String... cells) {
        tally.add(reason, line);
        String[] record = new String[cells.length + 1];
        record[0] = Long.toString(line);
        System.arraycopy(cells, 0, record, 1, cells.length);
        try {
            out.write(CsvCells.line(record));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    ReasonTally tally() {
        return tally;
    }

    Path path() {
        return path;
    }

    /** Closes after a failure: the file is written again from the top by the next run. */
    void closeQuietly() {
        try {
            out.close();
        } catch (IOException | RuntimeException ignored) {
            // already closed, or the disk is the reason we are here
        }
    }

    /**
     * Merges the closed files of several import passes (each in line order) into one file in line
     * order at {@code target}, deleting them, and returns their tallies added up.
     */
    static ReasonTally merge(List<IssueFile> passes, Path target) {
        List<CSVReader> readers = new ArrayList<>();
        try (FileChannel channel = OutputDirectory.createOwnerOnly(target);
             BufferedWriter merged = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16)) {
            PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong(Head::line));
            String header = null;
            for (IssueFile pass : passes) {
                CSVReader reader = new CSVReaderBuilder(Files.newBufferedReader(pass.path, StandardCharsets.UTF_8))
                        .withCSVParser(new RFC4180ParserBuilder().build()).build();
                readers.add(reader);
                header = String.join(",", reader.readNext());
                Head.next(reader, heads);
            }
            merged.write(header + "\r\n");
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                merged.write(CsvCells.line(head.record()));
                merged.write("\r\n");
                Head.next(head.reader(), heads);
            }
            merged.flush();
            channel.force(true);
            for (CSVReader reader : readers) {
                reader.close();
            }
            for (IssueFile pass : passes) {
                Files.delete(pass.path);
            }
        } catch (IOException | CsvValidationException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
        return ReasonTally.sum(passes.stream().map(IssueFile::tally).toList());
    }

    /** The next record of one pass's file, by its line number. */
    private record Head(long line, String[] record, CSVReader reader) {
        static void next(CSVReader reader, PriorityQueue<Head> heads) throws IOException, CsvValidationException {
            String[] record = reader.readNext();
            if (record != null) {
                heads.add(new Head(Long.parseLong(record[0]), record, reader));
            }
        }
    }

    /** Flushed and forced to disk: the import is not done before its files are. */
    @Override
    public void close() {
        try (channel; out) {
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
