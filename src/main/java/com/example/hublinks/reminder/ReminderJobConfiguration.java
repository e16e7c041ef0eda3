package com.example.hublinks.reminder;

import com.example.hublinks.HublinksProperties;
import com.example.hublinks.campaign.DeliveryLedger;
import com.example.hublinks.campaign.ExportFiles;
import com.example.hublinks.campaign.OnceOnlyMail;
import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.catalog.CatalogSnapshot;
import com.example.hublinks.link.LinkSigner;
import com.example.hublinks.roster.LearnerRepository;
import com.example.hublinks.support.OutputDirectory;
import com.example.hublinks.support.ProgressLog;
import com.example.hublinks.support.SettingsException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires step {@code remindLearners} of the nightly job (DESIGN §8), after the exports: the
 * learner-level events applied first ({@link ApplyLearnerEvents}), then tonight's published
 * roster read ({@link ReminderReader}), each learner's reminders planned ({@link ReminderPlanner})
 * and written to the ledger, the files and, optionally, SMTP ({@link ReminderWriter}). Without
 * {@code hublinks.reminders.courses} the step is there (the flow is fixed) and does nothing.
 */
@Configuration
public class ReminderJobConfiguration {

    public static final String STEP = "remindLearners";
    /** At most this many when emailing: a chunk of emails takes seconds at a polite send rate. */
    static final int EMAIL_CHUNK_SIZE = 50;

    private static final String INSTANCE_ID = "#{stepExecution.jobExecution.jobInstance.instanceId}";
    private static final String RUN_DATE = "#{jobParameters['runDate']}";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final HublinksProperties settings;
    private final ReminderSettings reminders;

    public ReminderJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                    HublinksProperties settings) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.settings = settings;
        this.reminders = settings.reminders();
    }

    @Bean
    public Step remindLearnersStep(ReminderReader reminderReader, ReminderPlanner reminderPlanner,
                                   ReminderWriter reminderWriter, LearnerEventApplier learnerEventApplier,
                                   LearnerRepository learners, ObjectProvider<JavaMailSender> mailSender,
                                   JsonMapper json, Clock clock) {
        if (!reminders.enabled()) {
            return new StepBuilder(STEP, jobRepository)
                    .tasklet((contribution, context) -> RepeatStatus.FINISHED, transactionManager).build();
        }
        if (reminders.email().sending() && mailSender.getIfAvailable() == null) { // checked at start, before any work
            throw new SettingsException("spring.mail.host", "is required when hublinks.reminders.email.send is true");
        }
        ReminderEmails.templates(reminders.email()); // tried now: a bad template stops the start, not the night
        ExecutionContextPromotionListener forTheReport = new ExecutionContextPromotionListener();
        forTheReport.setKeys(Stream.concat(Stream.of(ReminderTally.KEY, EventTally.KEY),
                ReminderFiles.ALL.stream().map(ExportFiles::rowsKey)).toArray(String[]::new));
        forTheReport.setStrict(false); // a disabled channel has no file
        String job = settings.job().name();
        ProgressLog progress = new ProgressLog(settings.ops().progressEvery(), clock, step -> learners.liveCount(job),
                "reminderReader");
        return new StepBuilder(STEP, jobRepository)
                .<ReminderCandidate, LearnerReminders>chunk(reminders.email().sending()
                        ? Math.min(EMAIL_CHUNK_SIZE, settings.job().chunkSize()) : settings.job().chunkSize())
                .transactionManager(transactionManager)
                .reader(reminderReader)
                .processor(reminderPlanner)
                .writer(reminderWriter)
                .listener(new ApplyLearnerEvents(learnerEventApplier, json, job))
                .listener(forTheReport)
                .listener((StepExecutionListener) progress)
                .listener((ChunkListener<?, ?>) progress)
                .build();
    }

    @Bean
    @StepScope
    ReminderReader reminderReader(DataSource dataSource, ProgressRepository progress, ReminderLedger ledger) {
        return new ReminderReader(dataSource, progress, ledger, settings.job().name(), new HashSet<>(reminders.courses()));
    }

    @Bean
    @StepScope
    ReminderPlanner reminderPlanner(Catalog catalog, LinkSigner signer, @Value(RUN_DATE) LocalDate runDate) {
        return new ReminderPlanner(reminders, catalog, signer, runDate, settings.job().zone());
    }

    @Bean
    @StepScope
    ReminderWriter reminderWriter(ReminderLedger ledger, Catalog catalog, ObjectProvider<JavaMailSender> mailSender,
                                  DeliveryLedger deliveries, JsonMapper json, @Value(INSTANCE_ID) Long instanceId,
                                  @Value(RUN_DATE) LocalDate runDate) {
        String job = settings.job().name();
        OutputDirectory out = new OutputDirectory(settings.campaign().outDir(), job, runDate).create();
        OnceOnlyMail mail = reminders.email().sending() ? new OnceOnlyMail(mailSender.getObject(), deliveries,
                settings.campaign().email(), runDate, instanceId, STEP) : null;
        ReminderEmails emails = new ReminderEmails(ReminderEmails.templates(reminders.email()), mail, job);
        return new ReminderWriter(ledger, ReminderFiles.writers(out, reminders, settings.campaign().email().excelBom()),
                emails, tally(catalog), json, job, instanceId, runDate);
    }

    /** The report's counters, one per mandatory course, titled from tonight's catalog. */
    private ReminderTally tally(Catalog catalog) {
        Map<Long, String> titles = new LinkedHashMap<>();
        Map<Long, String> notes = new LinkedHashMap<>();
        for (long id : reminders.courses()) {
            CatalogSnapshot.Course course = catalog.course(id);
            titles.put(id, course == null ? null : course.title());
            if (course == null) {
                notes.put(id, "not in the eduMe catalog (or deleted): nobody is reminded of it");
            } else if (!course.published()) {
                notes.put(id, "unpublished: nobody can take it, nobody is reminded of it");
            }
        }
        return new ReminderTally(titles, notes, catalog::teamName);
    }
}
