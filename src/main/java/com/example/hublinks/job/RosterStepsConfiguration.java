package com.example.hublinks.job;

import com.example.hublinks.campaign.CampaignSettings;
import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.catalog.CatalogRepository;
import com.example.hublinks.catalog.CatalogSettings;
import com.example.hublinks.link.LinkIssuer;
import com.example.hublinks.link.LinkSettings;
import com.example.hublinks.link.LinkSigner;
import com.example.hublinks.roster.ContactRules;
import com.example.hublinks.roster.GuardSettings;
import com.example.hublinks.roster.GuardTasklet;
import com.example.hublinks.roster.ImportRosterTasklet;
import com.example.hublinks.roster.ImportTally;
import com.example.hublinks.roster.LearnerRepository;
import com.example.hublinks.roster.NightDelta;
import com.example.hublinks.roster.RosterSettings;
import com.example.hublinks.roster.RosterValidator;
import com.example.hublinks.roster.RowFingerprint;
import com.example.hublinks.roster.TonightsRoster;
import com.example.hublinks.scale.ScaleSettings;
import com.example.hublinks.support.JobSettings;
import com.example.hublinks.support.ProgressLog;
import com.example.hublinks.support.ProgressLogs;
import java.time.LocalDate;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires steps {@code importRoster} and {@code guard}, which the night and the dry run share:
 * tonight's roster read, validated and compared with what is stored ({@link ImportRosterTasklet}),
 * then judged ({@link GuardTasklet}).
 */
@Configuration(proxyBeanMethods = false)
class RosterStepsConfiguration {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JobSettings job;

    RosterStepsConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             JobSettings job) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.job = job;
    }

    @Bean
    public Step importRosterStep(ImportRosterTasklet importRosterTasklet, ProgressLogs progressLogs) {
        ExecutionContextPromotionListener tally = new ExecutionContextPromotionListener();
        tally.setKeys(new String[] {ImportTally.KEY});
        ProgressLog progress = progressLogs.ofReads();
        return new StepBuilder("importRoster", jobRepository)
                .tasklet(importRosterTasklet, transactionManager)
                .allowStartIfComplete(true) // a resumed night makes its delta again (ImportRosterTasklet)
                .listener((StepExecutionListener) importRosterTasklet) // closes what a failed import left open
                .listener(tally)
                .listener((StepExecutionListener) progress)
                .listener((ChunkListener<?, ?>) progress)
                .build();
    }

    @Bean
    @StepScope
    public ImportRosterTasklet importRosterTasklet(@Value(StepValues.ROSTER) String rosterOverride,
                                                   @Value(StepValues.RUN_DATE) LocalDate runDate,
                                                   @Value(StepValues.ATTEMPT) Long attempt,
                                                   @Value(StepValues.JOB_NAME) String batchJob,
                                                   TonightsRoster roster, RosterSettings rosterSettings,
                                                   CatalogRepository catalogs, CatalogSettings catalogSettings,
                                                   LinkSigner signer, LinkSettings links, CampaignSettings campaign,
                                                   ScaleSettings scale, LearnerRepository learners, NightDelta delta,
                                                   RunDirectories directories, JsonMapper json) {
        // not the step-scoped beans: the import validates on threads of its own, outside the step's scope
        Catalog catalog = Catalog.load(catalogs, catalogSettings);
        RosterValidator validator = new RosterValidator(rosterSettings.columns(), catalog,
                new ContactRules(rosterSettings.defaultRegion()), campaign.contactNeeded());
        LinkIssuer linkIssuer = new LinkIssuer(signer, links, catalog);
        RowFingerprint fingerprints = new RowFingerprint(signer.derivedKey("roster row fingerprint"),
                linkIssuer.settingsKey() + "|" + validator.rulesKey());
        ImportRosterTasklet.Settings importing = new ImportRosterTasklet.Settings(job.name(), runDate,
                attempt != null && attempt > 0, rosterSettings.columns().externalUserId(), job.chunkSize(),
                scale.rosterMemory().toBytes(), roster.file(rosterOverride), catalog.fingerprint());
        return new ImportRosterTasklet(() -> roster.reader(rosterOverride), validator, fingerprints, linkIssuer::plan,
                learners, delta, directories.of(batchJob, runDate), importing, json,
                LastPublishedNight.of(batchJob, jobRepository, job.name(), campaign.outDir(), json));
    }

    @Bean
    public Step guardStep(GuardTasklet guardTasklet) {
        return new StepBuilder(GuardTasklet.STEP, jobRepository).tasklet(guardTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public GuardTasklet guardTasklet(GuardSettings guard, JsonMapper json,
                                     @Value(StepValues.ACCEPT_SHRINK) String acceptShrink) {
        return new GuardTasklet(guard, json, Boolean.parseBoolean(acceptShrink));
    }
}
