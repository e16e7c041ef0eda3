package com.example.hublinks.campaign;

import com.example.hublinks.support.CsvCells;
import com.example.hublinks.support.OutputDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemWriterBuilder;
import org.springframework.batch.infrastructure.item.file.transform.LineAggregator;
import org.springframework.core.io.FileSystemResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three campaign files (DESIGN §4) and the writers that make them. Each writer is a
 * transactional, named {@link FlatFileItemWriter}: it writes at chunk commit and, on restart,
 * truncates to the last committed position, so a crash and restart produce the same bytes.
 */
public final class ExportFiles {

    public static final String EMAIL = "email.csv";
    public static final String SMS = "sms.csv";
    public static final String INAPP = "inapp.jsonl";
    public static final List<String> ALL = List.of(EMAIL, SMS, INAPP);

    private ExportFiles() {
    }

    /** The writers of the channels the campaign has enabled, by file name. */
    public static Map<String, ItemStreamWriter<CampaignRow>> writers(OutputDirectory out,
                                                                     CampaignSettings campaign, JsonMapper json) {
        Map<String, ItemStreamWriter<CampaignRow>> writers = new LinkedHashMap<>();
        if (campaign.email().enabled()) {
            // Excel opens a CSV as UTF-8 only when it starts with a byte order mark; most email tools do not need one
            String bom = campaign.email().excelBom() ? "\uFEFF" : "";
            writers.put(EMAIL, csv(out, EMAIL, bom + "email,first_name,last_name,external_user_id,link",
                    (CampaignRow row) -> row.learner().hasEmail(),
                    row -> CsvCells.line(row.learner().email(), row.learner().firstName(), row.learner().lastName(),
                            row.learner().externalUserId(), row.link().url())));
        }
        if (campaign.sms().enabled()) {
            String template = campaign.sms().message();
            writers.put(SMS, csv(out, SMS, "phone_number,external_user_id,message,segments,encoding",
                    (CampaignRow row) -> row.learner().hasPhone(),
                    row -> {
                        SmsMessage sms = SmsMessage.render(template, row.learner().firstName(), row.learner().lastName(),
                                row.link().url());
                        return CsvCells.lineWithPhone(row.learner().phone(), row.learner().externalUserId(), sms.text(),
                                String.valueOf(sms.segments()), sms.encoding());
                    }));
        }
        if (campaign.inapp().enabled()) {
            writers.put(INAPP, channel(out, INAPP, row -> true, file(out, INAPP, "\n", null, (CampaignRow row) -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("external_user_id", row.learner().externalUserId());
                line.put("first_name", row.learner().firstName());
                line.put("kind", row.link().kind().settingName());
                line.put("target_id", row.link().targetId());
                line.put("state", row.state());
                line.put("link", row.link().url());
                return json.writeValueAsString(line);
            })));
        }
        return writers;
    }

    /**
     * Where the export step's context counts a file's rows: its writer saves the number of items
     * written with every commit ("written"), so after a restart the count is still the file's.
     */
    public static String rowsKey(String name) {
        return writerName(name) + ".written";
    }

    /** Where the export step's context keeps a file's position at the last commit (FlatFileItemWriter's key). */
    public static String positionKey(String name) {
        return writerName(name) + ".current.count";
    }

    private static String writerName(String name) {
        return name.replace('.', '-') + "-writer";
    }

    /**
     * Another export's CSV file with the same rules (the reminders' files): owner-only from its first
     * byte under its part name, written at chunk commit and truncated to the last one on restart,
     * its rows and position in the step's context under {@link #rowsKey} and {@link #positionKey};
     * CRLF lines after {@code header}, only the rows {@code reachable} passes.
     */
    public static <T> ChannelWriter<T> csv(OutputDirectory out, String name, String header, Predicate<T> reachable,
                                           LineAggregator<T> lines) {
        return channel(out, name, reachable, file(out, name, "\r\n", header, lines));
    }

    private static <T> ChannelWriter<T> channel(OutputDirectory out, String name, Predicate<T> reachable,
                                                FlatFileItemWriter<T> file) {
        return new ChannelWriter<>(reachable, file, out, name, positionKey(name));
    }

    private static <T> FlatFileItemWriter<T> file(OutputDirectory out, String name, String lineSeparator,
                                                  String header, LineAggregator<T> lines) {
        FlatFileItemWriterBuilder<T> builder = new FlatFileItemWriterBuilder<T>()
                .name(writerName(name))
                .resource(new FileSystemResource(out.part(name)))
                .encoding("UTF-8")
                .lineSeparator(lineSeparator)
                .lineAggregator(lines)
                .saveState(true)
                // the part is created owner-only by ChannelWriter before the writer opens it: the writer
                // adds to that empty file (writing the header first), or on restart truncates it to
                // the last commit, and never creates one itself with the process's umask
                .append(true)
                .shouldDeleteIfExists(false);
        if (header != null) {
            builder.headerCallback(writer -> writer.write(header));
        }
        return builder.build();
    }
}
