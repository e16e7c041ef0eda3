package com.example.hublinks.reminder;

import com.example.hublinks.campaign.ChannelWriter;
import com.example.hublinks.campaign.ExportFiles;
import com.example.hublinks.campaign.SmsMessage;
import com.example.hublinks.support.CsvCells;
import com.example.hublinks.support.OutputDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The reminder files (DESIGN §8), made by the export's own writers ({@link ExportFiles#csv}):
 * owner-only from the first byte, written at chunk commit, published by the report step, listed
 * in manifest.json, cells that could start a formula neutralised.
 */
public final class ReminderFiles {

    public static final String EMAIL = "reminders-email.csv";
    public static final String SMS = "reminders-sms.csv";
    public static final List<String> ALL = List.of(EMAIL, SMS);

    private ReminderFiles() {
    }

    /** The writers of the channels the reminders have enabled. */
    static List<ChannelWriter<ReminderRow>> writers(OutputDirectory out, ReminderSettings settings, boolean excelBom) {
        List<ChannelWriter<ReminderRow>> writers = new ArrayList<>();
        if (settings.email().enabled()) {
            writers.add(ExportFiles.csv(out, EMAIL, (excelBom ? "\uFEFF" : "")
                            + "email,first_name,last_name,external_user_id,course_id,course_title,due,reminder,link",
                    (ReminderRow row) -> row.learner().hasEmail(), row -> {
                        Reminder r = row.reminder();
                        return CsvCells.line(row.learner().email(), row.learner().firstName(), row.learner().lastName(),
                                row.learner().externalUserId(), String.valueOf(r.courseId()), r.courseTitle(),
                                r.due().toString(), String.valueOf(r.number()), r.link());
                    }));
        }
        if (settings.sms().enabled()) {
            String template = settings.sms().message();
            writers.add(ExportFiles.csv(out, SMS,
                    "phone_number,external_user_id,course_id,course_title,due,reminder,message,segments,encoding",
                    (ReminderRow row) -> row.learner().hasPhone(), row -> {
                        Reminder r = row.reminder();
                        SmsMessage sms = SmsMessage.render(template, placeholders(row));
                        return CsvCells.lineWithPhone(row.learner().phone(), row.learner().externalUserId(),
                                String.valueOf(r.courseId()), r.courseTitle(), r.due().toString(),
                                String.valueOf(r.number()), sms.text(), String.valueOf(sms.segments()), sms.encoding());
                    }));
        }
        return writers;
    }

    /** The text placeholders of a reminder: today's ({@code first_name}, {@code last_name}, {@code link}) and the course's. */
    static Function<String, String> placeholders(ReminderRow row) {
        Reminder r = row.reminder();
        return name -> switch (name) {
            case "first_name" -> nullToEmpty(row.learner().firstName());
            case "last_name" -> nullToEmpty(row.learner().lastName());
            case "link" -> r.link();
            case "course_title" -> nullToEmpty(r.courseTitle());
            case "course_id" -> String.valueOf(r.courseId());
            case "due" -> r.due().toString();
            case "reminder" -> String.valueOf(r.number());
            default -> null;
        };
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
