package com.example.hublinks.reminder;

import com.example.hublinks.campaign.ChannelWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step {@code remindLearners}' writer. In the chunk's transaction: tonight's new reminders into the
 * ledger, and every reminder of the chunk into reminders-email.csv and reminders-sms.csv (written
 * at commit). Then, with {@code reminders.email.send}, each reminder emailed at most once
 * ({@link ReminderEmails}): a chunk that fails after the emails went out is written again by the
 * resumed step with the same reminder numbers, which the delivery ledger holds as sent.
 */
class ReminderWriter implements ItemStreamWriter<LearnerReminders> {

    private final ReminderLedger ledger;
    private final List<ChannelWriter<ReminderRow>> files;
    private final ReminderEmails emails;
    private final ReminderTally tally;
    private final JsonMapper json;
    private final String job;
    private final long jobInstanceId;
    private final LocalDate night;

    ReminderWriter(ReminderLedger ledger, List<ChannelWriter<ReminderRow>> files, ReminderEmails emails,
                   ReminderTally tally, JsonMapper json, String job, long jobInstanceId, LocalDate night) {
        this.ledger = ledger;
        this.files = List.copyOf(files);
        this.emails = emails;
        this.tally = tally;
        this.json = json;
        this.job = job;
        this.jobInstanceId = jobInstanceId;
        this.night = night;
    }

    @Override
    public void write(Chunk<? extends LearnerReminders> chunk) throws Exception {
        List<ReminderRow> rows = new ArrayList<>();
        for (LearnerReminders learner : chunk) {
            tally.count(learner);
            learner.reminders().forEach(r -> rows.add(new ReminderRow(learner.learner(), r)));
        }
        ledger.record(job, jobInstanceId, night, rows);
        Chunk<ReminderRow> lines = new Chunk<>(rows);
        for (ChannelWriter<ReminderRow> file : files) {
            file.write(lines);
        }
        emails.send(rows);
    }

    @Override
    public void open(ExecutionContext context) {
        files.forEach(file -> file.open(context));
        tally.restore(context, json);
    }

    @Override
    public void update(ExecutionContext context) {
        files.forEach(file -> file.update(context));
        tally.save(context, json);
    }

    @Override
    public void close() {
        files.forEach(ChannelWriter::close);
    }
}
