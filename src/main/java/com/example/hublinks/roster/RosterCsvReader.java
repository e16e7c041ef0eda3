package com.example.hublinks.roster;

import com.example.hublinks.roster.RosterSettings.Columns;
import com.example.hublinks.support.SettingsException;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads HR's roster CSV with opencsv (RFC 4180: doubled quotes, quoted commas and line breaks),
 * UTF-8 with or without BOM (or the configured encoding, decoded strictly so that a wrong one is
 * reported with its line instead of producing replacement characters; {@link #preflight} also
 * refuses UTF-8 read as windows-1252), {@code ,} or {@code ;}
 * detected from the header, columns found by header name ignoring case and surrounding spaces.
 * Restartable: it saves how many records were read, and skips them again on restart.
 */
class RosterCsvReader extends AbstractItemCountingItemStreamItemReader<RosterRow> {

    private static final int MAX_LINES_PER_RECORD = 50;

    private final Path file;
    private final Charset encoding;
    private final String delimiterSetting;
    private final Columns columns;

    private CSVReader csv;
    private Charset decoding;
    private int[] index;
    private long linesBefore;

    public RosterCsvReader(Path file, RosterSettings settings) {
        this.file = file;
        this.encoding = settings.encoding();
        this.delimiterSetting = settings.delimiter();
        this.columns = settings.columns();
        setName("rosterReader");
    }

    /**
     * Checks a roster file before a run starts: that it is CSV text in the job's encoding, from
     * the first line to the last, and that its header holds the mapped columns. Problems are
     * {@link SettingsException}s (exit 2, one line); nothing has been touched yet.
     */
    public static void preflight(Path file, RosterSettings settings) {
        RosterCsvReader reader = new RosterCsvReader(file, settings);
        try {
            reader.doOpen();
            RosterFileCheck.decodeAll(file, reader.decoding);
            RosterFileCheck.refuseUtf8ReadAsSingleByte(file, reader.decoding);
        } catch (IOException e) {
            throw new SettingsException("hublinks.roster.path", "cannot read " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                reader.doClose();
            } catch (IOException ignored) {
                // nothing was read from it
            }
        }
    }

    @Override
    protected void doOpen() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new SettingsException("hublinks.roster.path", "roster file " + file + " does not exist");
        }
        RosterFileCheck.refuseNonText(file);
        // a UTF-8 byte-order mark settles the encoding, whatever the setting says
        Charset charset = RosterFileCheck.hasUtf8Bom(file) ? StandardCharsets.UTF_8 : encoding;
        decoding = charset;
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        char delimiter;
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            delimiter = delimiter(reader);
        } catch (CharacterCodingException e) {
            reader.close();
            throw RosterFileCheck.notDecodable(file, charset);
        }
        csv = new CSVReaderBuilder(reader)
                .withCSVParser(new RFC4180ParserBuilder().withSeparator(delimiter).build())
                .withMultilineLimit(MAX_LINES_PER_RECORD)
                .build();
        String[] header;
        do {
            header = next();
        } while (header != null && isBlank(header));
        if (header == null) {
            index = null; // an empty upload has no rows: the guard stops the night (exit 3) rather than a setting
            return;
        }
        if (Arrays.stream(header).anyMatch(cell -> cell.indexOf('\0') >= 0)) {
            throw new SettingsException("hublinks.roster.path", file + " is not a CSV text file");
        }
        index = ColumnMapping.positions(columns, Arrays.asList(header), "the header of " + file);
    }

    @Override
    protected RosterRow doRead() throws IOException {
        if (index == null) {
            return null;
        }
        String[] record;
        do {
            record = next();
            if (record == null) {
                return null;
            }
        } while (isBlank(record)); // blank lines, and Excel's ",,,,," rows below the data
        return new RosterRow(linesBefore + 1, cell(record, 0), cell(record, 1), cell(record, 2), cell(record, 3),
                cell(record, 4), cell(record, 5), cell(record, 6));
    }

    @Override
    protected void doClose() throws IOException {
        if (csv != null) {
            csv.close();
            csv = null;
        }
    }

    /** Reads the next record, remembering the physical line it starts on. */
    private String[] next() throws IOException {
        linesBefore = csv.getLinesRead();
        try {
            return csv.readNext();
        } catch (CharacterCodingException e) {
            throw RosterFileCheck.notDecodable(file, decoding);
        } catch (CsvMultilineLimitBrokenException e) {
            throw new SettingsException("hublinks.roster.path", file + " line " + (linesBefore + 1)
                    + ": a quoted field is never closed (it runs past " + MAX_LINES_PER_RECORD + " lines)");
        } catch (CsvException e) {
            throw new SettingsException("hublinks.roster.path", file + " line " + (linesBefore + 1) + ": " + e.getMessage());
        }
    }

    private char delimiter(BufferedReader reader) throws IOException {
        if (!delimiterSetting.equals("auto")) {
            return delimiterSetting.equals("tab") || delimiterSetting.equals("\\t") ? '\t' : delimiterSetting.charAt(0);
        }
        reader.mark(1 << 15);
        String header = reader.readLine();
        reader.reset();
        if (header == null) {
            return ',';
        }
        long commas = header.chars().filter(c -> c == ',').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        return semicolons > commas ? ';' : ',';
    }

    private String cell(String[] record, int field) {
        int at = index[field];
        return at >= 0 && at < record.length ? record[at] : "";
    }

    private static boolean isBlank(String[] record) {
        return Arrays.stream(record).allMatch(String::isBlank);
    }
}
