package com.example.hublinks.job;

import com.example.hublinks.campaign.CampaignSettings;
import com.example.hublinks.campaign.DeliveryLedger;
import com.example.hublinks.catalog.CatalogRepository;
import com.example.hublinks.link.LinkRepository;
import com.example.hublinks.link.LinkSettings;
import com.example.hublinks.report.MetricsFile;
import com.example.hublinks.report.ReportTasklet;
import com.example.hublinks.roster.NightDelta;
import com.example.hublinks.support.OutputDirectory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the night's last steps: {@code cleanupStaging} ({@link StagingCleanupTasklet}), then
 * {@code report} (report.json and report.html, {@link ReportTasklet}) — or, after a guard stop,
 * {@code guardStoppedReport} — and the metrics file written when the night ends ({@link MetricsFile}).
 */
@Configuration(proxyBeanMethods = false)
class ReportStepsConfiguration {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final LinkSettings links;

    ReportStepsConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             LinkSettings links) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.links = links;
    }

    @Bean
    public Step cleanupStagingStep(StagingCleanupTasklet stagingCleanupTasklet) {
        return new StepBuilder("cleanupStaging", jobRepository).tasklet(stagingCleanupTasklet, transactionManager).build();
    }

    @Bean
    @StepScope // it keeps the night's list of superseded rosters between its transactions
    public StagingCleanupTasklet stagingCleanupTasklet(NightDelta delta) {
        return new StagingCleanupTasklet(delta, jobRepository);
    }

    @Bean
    public Step reportStep(ReportTasklet reportTasklet) {
        return new StepBuilder("report", jobRepository).tasklet(reportTasklet, transactionManager).build();
    }

    @Bean
    public Step guardStoppedReportStep(ReportTasklet guardStoppedReportTasklet) {
        return new StepBuilder("guardStoppedReport", jobRepository)
                .tasklet(guardStoppedReportTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public ReportTasklet reportTasklet(OutputDirectory outputDirectory, LinkRepository linkRepository,
                                       CatalogRepository catalog, DeliveryLedger deliveries, JsonMapper json) {
        return new ReportTasklet(outputDirectory, jobRepository, linkRepository, catalog, deliveries, json,
                ReportTasklet.Kind.NIGHT, links.courses());
    }

    @Bean
    @StepScope
    public ReportTasklet guardStoppedReportTasklet(OutputDirectory outputDirectory, LinkRepository linkRepository,
                                                   CatalogRepository catalog, DeliveryLedger deliveries, JsonMapper json) {
        return new ReportTasklet(outputDirectory, jobRepository, linkRepository, catalog, deliveries, json,
                ReportTasklet.Kind.GUARD_STOPPED, links.courses());
    }

    @Bean
    public MetricsFile metricsFile(PrometheusMeterRegistry meterRegistry, JsonMapper json, CampaignSettings campaign) {
        return new MetricsFile(meterRegistry, json, campaign.outDir());
    }
}
