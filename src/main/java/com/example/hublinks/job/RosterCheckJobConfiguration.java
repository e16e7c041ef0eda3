package com.example.hublinks.job;

import com.example.hublinks.campaign.DeliveryLedger;
import com.example.hublinks.catalog.CatalogRepository;
import com.example.hublinks.link.LinkRepository;
import com.example.hublinks.link.LinkSettings;
import com.example.hublinks.report.ReportTasklet;
import com.example.hublinks.roster.NightDelta;
import java.time.LocalDate;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires HR's dry run ({@code run … --dry-run}): the nightly job's own refreshCatalog, importRoster
 * and guard steps, then a report in {@code out/{job}/check/{date}/} — and nothing else: no link is
 * signed, nothing is exported. A job of its own name, so a check never touches the night's run
 * identity; every check is a fresh instance. The check's delta table is dropped when it ends.
 */
@Configuration(proxyBeanMethods = false)
class RosterCheckJobConfiguration {

    public static final String JOB_NAME = "hublinks-check";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;

    RosterCheckJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
    }

    @Bean
    public Job rosterCheckJob(Step refreshCatalogStep, Step importRosterStep, Step guardStep, Step checkReportStep,
                              NightDelta delta) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(new JobExecutionListener() {
                    @Override
                    public void afterJob(JobExecution jobExecution) {
                        delta.forget(jobExecution.getJobInstance().getInstanceId()); // nothing reads a dry run's delta after its report
                    }
                })
                .start(refreshCatalogStep)
                .next(importRosterStep)
                .next(guardStep).on("*").to(checkReportStep) // the guard's verdict is reported, never acted on
                .end()
                .build();
    }

    @Bean
    public Step checkReportStep(ReportTasklet checkReportTasklet) {
        return new StepBuilder("checkReport", jobRepository).tasklet(checkReportTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public ReportTasklet checkReportTasklet(@Value("#{jobParameters['runDate']}") LocalDate runDate,
                                            RunDirectories directories, LinkRepository links, CatalogRepository catalog,
                                            DeliveryLedger deliveries, LinkSettings linkSettings, JsonMapper json) {
        return new ReportTasklet(directories.check(runDate), jobRepository, links, catalog, deliveries, json,
                ReportTasklet.Kind.DRY_RUN, linkSettings.courses());
    }
}
