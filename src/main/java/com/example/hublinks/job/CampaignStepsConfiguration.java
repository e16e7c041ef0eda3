package com.example.hublinks.job;

import com.example.hublinks.campaign.CampaignReader;
import com.example.hublinks.campaign.CampaignRow;
import com.example.hublinks.campaign.CampaignSettings;
import com.example.hublinks.campaign.DeliveryLedger;
import com.example.hublinks.campaign.EmailDelivery;
import com.example.hublinks.campaign.EmailTemplates;
import com.example.hublinks.campaign.ExportFiles;
import com.example.hublinks.campaign.OnceOnlyMail;
import com.example.hublinks.link.LinkRepository;
import com.example.hublinks.roster.ImportTally;
import com.example.hublinks.support.JobSettings;
import com.example.hublinks.support.KeyLookup;
import com.example.hublinks.support.OutputDirectory;
import com.example.hublinks.support.ProgressLogs;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires steps {@code exportCampaign} (tonight's audience into email.csv, sms.csv and inapp.jsonl,
 * {@link ExportFiles}) and {@code deliverEmail} (the same audience over SMTP, {@link EmailDelivery}).
 * With {@code campaign.email.send: false} deliverEmail is there (the flow is fixed) but does nothing.
 */
@Configuration(proxyBeanMethods = false)
class CampaignStepsConfiguration {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JobSettings job;
    private final CampaignSettings campaign;

    CampaignStepsConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               JobSettings job, CampaignSettings campaign) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.job = job;
        this.campaign = campaign;
    }

    @Bean
    public Step exportCampaignStep(CampaignReader campaignReader, CompositeItemWriter<CampaignRow> campaignWriter,
                                   ProgressLogs progressLogs, JsonMapper json) {
        return new StepBuilder("exportCampaign", jobRepository)
                .<CampaignRow, CampaignRow>chunk(job.chunkSize())
                .transactionManager(transactionManager)
                .reader(campaignReader)
                .writer(campaignWriter)
                .listener(exportedRowsPromotion())
                .listener(progressLogs.of(CampaignReader.audienceSize(campaign.audience(), json), "campaignReader"))
                .build();
    }

    /** The files' row counts, from the writers' saved state into the job's context, for the report's manifest. */
    private static ExecutionContextPromotionListener exportedRowsPromotion() {
        ExecutionContextPromotionListener promotion = new ExecutionContextPromotionListener();
        promotion.setKeys(ExportFiles.ALL.stream().map(ExportFiles::rowsKey).toArray(String[]::new));
        promotion.setStrict(false); // a disabled channel has no writer
        return promotion;
    }

    /** Tonight's folder, {@code out/{job}/{date}/}: the exports', the report's. */
    @Bean
    @StepScope
    public OutputDirectory outputDirectory(@Value(StepValues.RUN_DATE) LocalDate runDate, RunDirectories directories) {
        return directories.night(runDate);
    }

    @Bean
    @StepScope
    public CampaignReader campaignReader(DataSource dataSource, LinkRepository links,
                                         @Value(StepValues.INSTANCE_ID) Long instanceId,
                                         @Value(StepValues.RUN_DATE) LocalDate runDate,
                                         @Value(StepValues.TALLY) String tally, JsonMapper json) {
        return audience("campaignReader", dataSource, links, instanceId, runDate, ImportTally.sparse(tally, json));
    }

    private CampaignReader audience(String name, DataSource dataSource, LinkRepository links, long instanceId,
                                    LocalDate runDate, boolean sparse) {
        return new CampaignReader(name, dataSource, links, job.name(), instanceId, runDate, campaign.audience(),
                KeyLookup.of(true, sparse));
    }

    @Bean
    @StepScope
    public CompositeItemWriter<CampaignRow> campaignWriter(OutputDirectory outputDirectory, JsonMapper json) {
        outputDirectory.create();
        return new CompositeItemWriter<>(List.copyOf(ExportFiles.writers(outputDirectory, campaign, json).values()));
    }

    @Bean
    public Step deliverEmailStep(CampaignReader deliveryReader, EmailDelivery emailDelivery,
                                 ObjectProvider<JavaMailSender> mailSender) {
        if (!campaign.email().send()) {
            return new StepBuilder("deliverEmail", jobRepository)
                    .tasklet((contribution, context) -> RepeatStatus.FINISHED, transactionManager).build();
        }
        EmailDelivery.checkAtStart(campaign.email(), mailSender);
        return new StepBuilder("deliverEmail", jobRepository)
                .<CampaignRow, CampaignRow>chunk(OnceOnlyMail.CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(deliveryReader)
                .writer(emailDelivery)
                .build();
    }

    @Bean
    @StepScope
    public CampaignReader deliveryReader(DataSource dataSource, LinkRepository links,
                                         @Value(StepValues.INSTANCE_ID) Long instanceId,
                                         @Value(StepValues.RUN_DATE) LocalDate runDate,
                                         @Value(StepValues.TALLY) String tally, JsonMapper json) {
        return audience("deliveryReader", dataSource, links, instanceId, runDate, ImportTally.sparse(tally, json));
    }

    @Bean
    @StepScope
    public EmailDelivery emailDelivery(ObjectProvider<JavaMailSender> mailSender, DeliveryLedger ledger,
                                       @Value(StepValues.INSTANCE_ID) Long instanceId,
                                       @Value(StepValues.RUN_DATE) LocalDate runDate) {
        return new EmailDelivery(mailSender.getObject(), new EmailTemplates(campaign.email()), ledger,
                campaign.email(), job.name(), runDate, instanceId);
    }
}
