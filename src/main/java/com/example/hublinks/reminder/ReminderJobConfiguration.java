package com.example.hublinks.reminder;

import com.example.hublinks.campaign.CampaignSettings;
import com.example.hublinks.campaign.DeliveryLedger;
import com.example.hublinks.campaign.ExportFiles;
import com.example.hublinks.campaign.OnceOnlyMail;
import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.link.LinkSigner;
import com.example.hublinks.roster.LearnerRepository;
import com.example.hublinks.support.JobSettings;
import com.example.hublinks.support.OutputDirectory;
import com.example.hublinks.support.ProgressLog;
import com.example.hublinks.support.ProgressLogs;
import java.time.LocalDate;
import java.util.HashSet;
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

    private static final String INSTANCE_ID = "#{stepExecution.jobExecution.jobInstance.instanceId}";
    private static final String RUN_DATE = "#{jobParameters['runDate']}";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final ReminderSettings reminders;
    private final JobSettings job;
    private final CampaignSettings campaign;

    public ReminderJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                    ReminderSettings reminders, JobSettings job, CampaignSettings campaign) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.reminders = reminders;
        this.job = job;
        this.campaign = campaign;
    }

    @Bean
    public Step remindLearnersStep(ReminderReader reminderReader, ReminderPlanner reminderPlanner,
                                   ReminderWriter reminderWriter, LearnerEventApplier learnerEventApplier,
                                   LearnerRepository learners, ObjectProvider<JavaMailSender> mailSender,
                                   JsonMapper json, ProgressLogs progressLogs) {
        if (!reminders.enabled()) {
            return new StepBuilder(STEP, jobRepository)
                    .tasklet((contribution, context) -> RepeatStatus.FINISHED, transactionManager).build();
        }
        ReminderEmails.checkAtStart(reminders.email(), mailSender);
        ExecutionContextPromotionListener forTheReport = new ExecutionContextPromotionListener();
        forTheReport.setKeys(Stream.concat(Stream.of(ReminderTally.KEY, EventTally.KEY),
                ReminderFiles.ALL.stream().map(ExportFiles::rowsKey)).toArray(String[]::new));
        forTheReport.setStrict(false); // a disabled channel has no file
        ProgressLog progress = progressLogs.of(step -> learners.liveCount(job.name()), "reminderReader");
        return new StepBuilder(STEP, jobRepository)
                .<ReminderCandidate, LearnerReminders>chunk(ReminderEmails.chunkSize(reminders.email(), job.chunkSize()))
                .transactionManager(transactionManager)
                .reader(reminderReader)
                .processor(reminderPlanner)
                .writer(reminderWriter)
                .listener(new ApplyLearnerEvents(learnerEventApplier, json, job.name()))
                .listener(forTheReport)
                .listener((StepExecutionListener) progress)
                .listener((ChunkListener<?, ?>) progress)
                .build();
    }

    @Bean
    @StepScope
    ReminderReader reminderReader(DataSource dataSource, ProgressRepository progress, ReminderLedger ledger) {
        return new ReminderReader(dataSource, progress, ledger, job.name(), new HashSet<>(reminders.courses()));
    }

    @Bean
    @StepScope
    ReminderPlanner reminderPlanner(Catalog catalog, LinkSigner signer, @Value(RUN_DATE) LocalDate runDate) {
        return new ReminderPlanner(reminders, catalog, signer, runDate, job.zone());
    }

    @Bean
    @StepScope
    ReminderWriter reminderWriter(ReminderLedger ledger, Catalog catalog, ObjectProvider<JavaMailSender> mailSender,
                                  DeliveryLedger deliveries, JsonMapper json, @Value(INSTANCE_ID) Long instanceId,
                                  @Value(RUN_DATE) LocalDate runDate) {
        OutputDirectory out = new OutputDirectory(campaign.outDir(), job.name(), runDate).create();
        OnceOnlyMail mail = reminders.email().sending() ? new OnceOnlyMail(mailSender.getObject(), deliveries,
                campaign.email(), runDate, instanceId, STEP) : null;
        ReminderEmails emails = new ReminderEmails(ReminderEmails.templates(reminders.email()), mail, job.name());
        return new ReminderWriter(ledger, ReminderFiles.writers(out, reminders, campaign.email().excelBom()),
                emails, ReminderTally.of(reminders.courses(), catalog), json, job.name(), instanceId, runDate);
    }
}
