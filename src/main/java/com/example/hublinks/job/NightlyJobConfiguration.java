package com.example.hublinks.job;

import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.catalog.CatalogRepository;
import com.example.hublinks.catalog.CatalogSettings;
import com.example.hublinks.catalog.RefreshCatalogTasklet;
import com.example.hublinks.report.MetricsFile;
import com.example.hublinks.report.RunSummaryLog;
import com.example.hublinks.roster.GuardTasklet;
import com.example.hublinks.support.RunParameters;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the nightly job (DESIGN §2): refreshCatalog → importRoster → guard → signLinks →
 * removeLeavers → exportCampaign → deliverEmail → remindLearners → cleanupStaging → report. A guard
 * stop goes straight to the report and ends the job with exit code 3. The steps are wired beside
 * it, a group each ({@link RosterStepsConfiguration}, {@link SigningStepsConfiguration},
 * {@link CampaignStepsConfiguration}, {@code ReminderJobConfiguration},
 * {@link ReportStepsConfiguration}); business logic lives in the feature packages.
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;

    NightlyJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
    }

    @Bean
    @Primary // the job of this application; the dry run's job is injected by name
    public Job nightlyJob(Step refreshCatalogStep, Step importRosterStep, Step guardStep, Step signLinksStep,
                          Step removeLeaversStep, Step exportCampaignStep, Step deliverEmailStep,
                          Step remindLearnersStep, Step cleanupStagingStep, Step reportStep, Step guardStoppedReportStep,
                          MetricsFile metricsFile, ThisRun thisRun) {
        return new JobBuilder(RunParameters.NIGHTLY_JOB, jobRepository)
                .listener(thisRun) // what a SIGTERM stops (GracefulStop), and where a night ended
                .listener(new RunSummaryLog())
                .listener(metricsFile)
                .start(refreshCatalogStep)
                .next(importRosterStep)
                .next(guardStep)
                .on(GuardTasklet.STOPPED).to(guardStoppedReportStep).on("*").fail()
                .from(guardStep).on("*").to(signLinksStep)
                .next(removeLeaversStep)
                .next(exportCampaignStep)
                .next(deliverEmailStep)
                .next(remindLearnersStep) // ReminderJobConfiguration
                .next(cleanupStagingStep)
                .next(reportStep)
                .end()
                .build();
    }

    @Bean
    public Step refreshCatalogStep(RefreshCatalogTasklet tasklet) {
        return new StepBuilder("refreshCatalog", jobRepository).tasklet(tasklet, transactionManager).build();
    }

    /** Tonight's catalog, as refreshCatalog stored it, for the steps after it. */
    @Bean
    @StepScope
    public Catalog catalog(CatalogRepository repository, CatalogSettings settings) {
        return Catalog.load(repository, settings);
    }
}
