package com.example.hublinks.job;

import com.example.hublinks.HublinksProperties;
import com.example.hublinks.campaign.CampaignReader;
import com.example.hublinks.campaign.CampaignRow;
import com.example.hublinks.campaign.CampaignSettings;
import com.example.hublinks.campaign.DeliveryLedger;
import com.example.hublinks.campaign.EmailDelivery;
import com.example.hublinks.campaign.EmailTemplates;
import com.example.hublinks.campaign.ExportFiles;
import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.catalog.CatalogRepository;
import com.example.hublinks.catalog.RefreshCatalogTasklet;
import com.example.hublinks.link.LearnerLinks;
import com.example.hublinks.link.LinkIssuer;
import com.example.hublinks.link.LinkRepository;
import com.example.hublinks.link.LinkSigner;
import com.example.hublinks.link.LinkStateWriter;
import com.example.hublinks.link.RemoveLeaversTasklet;
import com.example.hublinks.report.MetricsFile;
import com.example.hublinks.report.ReportTasklet;
import com.example.hublinks.report.RunSummaryLog;
import com.example.hublinks.roster.ContactRules;
import com.example.hublinks.roster.GuardTasklet;
import com.example.hublinks.roster.ImportRosterTasklet;
import com.example.hublinks.roster.ImportTally;
import com.example.hublinks.roster.JdbcRosterReader;
import com.example.hublinks.roster.LearnerRepository;
import com.example.hublinks.roster.LearnerStateWriter;
import com.example.hublinks.roster.NightDelta;
import com.example.hublinks.roster.RosterCsvReader;
import com.example.hublinks.roster.RosterRow;
import com.example.hublinks.roster.RosterSettings;
import com.example.hublinks.roster.RosterValidator;
import com.example.hublinks.roster.RowFingerprint;
import com.example.hublinks.roster.SameRoster;
import com.example.hublinks.roster.StagedLearner;
import com.example.hublinks.scale.RemotePartitioningConfiguration;
import com.example.hublinks.scale.ScaleSettings;
import com.example.hublinks.scale.UserIdRangePartitioner;
import com.example.hublinks.scale.WorkerStamp;
import com.example.hublinks.support.KeyLookup;
import com.example.hublinks.support.OutputDirectory;
import com.example.hublinks.support.ProgressLog;
import com.example.hublinks.support.RunParameters;
import com.example.hublinks.support.SettingsException;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.support.AbstractItemStreamItemReader;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the nightly job (DESIGN §2): refreshCatalog → importRoster → guard → signLinks →
 * removeLeavers → exportCampaign → deliverEmail → remindLearners → cleanupStaging → report. A guard stop goes
 * straight to the report and ends the job with exit code 3. Business logic lives in the feature
 * packages; this class only assembles it.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

    /** Small: a chunk of emails takes seconds at a polite send rate, and the ledger, not the chunk, guards against resends. */
    static final int DELIVERY_CHUNK_SIZE = 50;

    private static final String INSTANCE_ID = "#{stepExecution.jobExecution.jobInstance.instanceId}";
    private static final String RUN_DATE = "#{jobParameters['runDate']}";
    private static final String TALLY = "#{jobExecutionContext['" + ImportTally.KEY + "']}";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final HublinksProperties settings;
    private final Clock clock;

    public NightlyJobConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                   HublinksProperties settings, Clock clock) {
        this.clock = clock;
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.settings = settings;
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

    @Bean
    public MetricsFile metricsFile(PrometheusMeterRegistry meterRegistry, JsonMapper json) {
        return new MetricsFile(meterRegistry, json, settings.campaign().outDir());
    }

    private ProgressLog progress(ToLongFunction<StepExecution> total, String readerName) {
        return new ProgressLog(settings.ops().progressEvery(), clock, total, readerName);
    }

    // --- importRoster -------------------------------------------------------------------

    @Bean
    public Step importRosterStep(ImportRosterTasklet importRosterTasklet) {
        ExecutionContextPromotionListener tally = new ExecutionContextPromotionListener();
        tally.setKeys(new String[] {ImportTally.KEY});
        ProgressLog progress = ProgressLog.ofReads(settings.ops().progressEvery(), clock);
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
    public ImportRosterTasklet importRosterTasklet(@Value("#{jobParameters['roster']}") String rosterOverride,
                                                   @Value(RUN_DATE) LocalDate runDate,
                                                   @Value("#{jobParameters['attempt']}") Long attempt,
                                                   @Value("#{stepExecution.jobExecution.jobInstance.jobName}") String jobName,
                                                   CatalogRepository catalogs, LinkSigner signer,
                                                   LearnerRepository learners, NightDelta delta, JsonMapper json) {
        // not the step-scoped beans: the import validates on threads of its own, outside the step's scope
        Catalog catalog = newCatalog(catalogs);
        RosterValidator rosterValidator = newValidator(catalog);
        LinkIssuer linkIssuer = new LinkIssuer(signer, settings.links(), catalog);
        RowFingerprint fingerprints = new RowFingerprint(signer.derivedKey("roster row fingerprint"),
                linkIssuer.settingsKey() + "|" + rosterValidator.rulesKey());
        OutputDirectory out = RosterCheckJobConfiguration.JOB_NAME.equals(jobName)
                ? RosterCheckJobConfiguration.checkDirectory(settings, runDate)
                : new OutputDirectory(settings.campaign().outDir(), settings.job().name(), runDate);
        Path file = settings.roster().source() == RosterSettings.Source.CSV ? rosterFile(rosterOverride) : null;
        ImportRosterTasklet.Settings importing = new ImportRosterTasklet.Settings(settings.job().name(), runDate,
                attempt != null && attempt > 0, settings.roster().columns().externalUserId(),
                settings.job().chunkSize(), settings.scale().rosterMemory().toBytes(), file, catalog.fingerprint());
        SameRoster.LastPublished lastNight = RosterCheckJobConfiguration.JOB_NAME.equals(jobName) ? Optional::empty
                : new LastPublishedNight(jobRepository, settings.job().name(), settings.campaign().outDir(), json);
        return new ImportRosterTasklet(() -> rosterReader(rosterOverride), rosterValidator, fingerprints,
                linkIssuer::plan, learners, delta, out, importing, json, lastNight);
    }

    /** Tonight's roster: the CSV (the setting, or --roster), or the roster database's query. */
    private AbstractItemStreamItemReader<RosterRow> rosterReader(String rosterOverride) {
        if (settings.roster().source() == RosterSettings.Source.JDBC) {
            try { // the roster database's own connection, never the application's
                return new JdbcRosterReader(JdbcRosterReader.dataSource(settings.roster().jdbc(), System::getenv),
                        settings.roster(), settings.job().chunkSize());
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the roster database: " + e.getMessage(), e);
            }
        }
        return new RosterCsvReader(rosterFile(rosterOverride), settings.roster());
    }

    private Path rosterFile(String rosterOverride) {
        return rosterOverride != null ? Path.of(rosterOverride) : settings.roster().path();
    }

    @Bean
    @StepScope
    public Catalog catalog(CatalogRepository repository) {
        return newCatalog(repository);
    }

    private Catalog newCatalog(CatalogRepository repository) {
        return new Catalog(repository.load(), settings.catalog().teams(), repository.explicitCourseTeams());
    }

    private RosterValidator newValidator(Catalog catalog) {
        boolean contactNeeded = settings.campaign().email().enabled() || settings.campaign().sms().enabled();
        return new RosterValidator(settings.roster().columns(), catalog,
                new ContactRules(settings.roster().defaultRegion()), contactNeeded);
    }

    // --- guard ------------------------------------------------------------------------------

    @Bean
    public Step guardStep(GuardTasklet guardTasklet) {
        return new StepBuilder(GuardTasklet.STEP, jobRepository).tasklet(guardTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public GuardTasklet guardTasklet(JsonMapper json, @Value("#{jobParameters['acceptShrink']}") String acceptShrink) {
        return new GuardTasklet(settings.guard(), json, Boolean.parseBoolean(acceptShrink));
    }

    // --- signLinks --------------------------------------------------------------------------

    /**
     * signLinks is partitioned by user-id range (DESIGN §6): {@code hublinks.scale.partitions}
     * threads, each partition its own restartable step execution with its range in its context;
     * with {@code hublinks.scale.mode: remote} the same partitions go to worker processes instead
     * ({@link RemotePartitioningConfiguration}).
     */
    @Bean
    public Step signLinksStep(Step signLinksPartitionStep, UserIdRangePartitioner signLinksPartitioner,
                              DataSource dataSource, ObjectProvider<RemotePartitioningConfiguration> remote) {
        if (settings.scale().mode() == ScaleSettings.Mode.REMOTE) {
            return remote.getObject().managerStep(signLinksPartitionStep.getName(), signLinksPartitioner);
        }
        int poolSize = dataSource instanceof HikariDataSource pool ? pool.getMaximumPoolSize() : Integer.MAX_VALUE;
        int gridSize = settings.scale().gridSize(poolSize);
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("sign-");
        threads.setConcurrencyLimit(gridSize);
        return new StepBuilder("signLinks", jobRepository)
                .partitioner(signLinksPartitionStep.getName(), signLinksPartitioner)
                .step(signLinksPartitionStep)
                .gridSize(gridSize)
                .taskExecutor(threads)
                .build();
    }

    @Bean
    public Step removeLeaversStep(NightDelta delta, LinkRepository links, LearnerRepository learners) {
        return new StepBuilder("removeLeavers", jobRepository)
                .tasklet(new RemoveLeaversTasklet(delta, links, learners), transactionManager).build();
    }

    @Bean
    @StepScope
    public UserIdRangePartitioner signLinksPartitioner(NightDelta delta, @Value(INSTANCE_ID) Long instanceId,
                                                       @Value(TALLY) String tally, JsonMapper json) {
        return new UserIdRangePartitioner(delta, instanceId, tally == null ? null : json.readValue(tally, ImportTally.class));
    }

    @Bean
    public Step signLinksPartitionStep(JdbcPagingItemReader<StagedLearner> learnerReader, LinkIssuer linkIssuer,
                                       CompositeItemWriter<LearnerLinks> signedWriter) {
        return new StepBuilder("signLinksPartition", jobRepository)
                .<StagedLearner, LearnerLinks>chunk(settings.job().chunkSize())
                .transactionManager(transactionManager)
                .reader(learnerReader)
                .processor(linkIssuer)
                .writer(signedWriter)
                .listener(new WorkerStamp(jobRepository))
                .listener(progress(step -> step.getExecutionContext().getLong(UserIdRangePartitioner.SIZE,
                        ProgressLog.UNKNOWN), "learnerReader"))
                .build();
    }

    /** Tonight's delta of one partition's user-id range, in id order (see {@link NightDelta#learnerReader}). */
    @Bean
    @StepScope
    public JdbcPagingItemReader<StagedLearner> learnerReader(DataSource dataSource, @Value(INSTANCE_ID) Long instanceId,
                                                            @Value("#{stepExecutionContext['fromId']}") String fromId,
                                                            @Value("#{stepExecutionContext['toId']}") String toId)
            throws Exception {
        return NightDelta.learnerReader(dataSource, instanceId, fromId, toId, settings.job().chunkSize());
    }

    @Bean
    @StepScope
    public LinkIssuer linkIssuer(LinkSigner signer, Catalog catalog) {
        return new LinkIssuer(signer, settings.links(), catalog);
    }

    /** The learner's stored state and their links, written in the same chunk transaction. */
    @Bean
    @StepScope
    public CompositeItemWriter<LearnerLinks> signedWriter(LinkRepository links, LearnerRepository learners,
                                                          @Value(RUN_DATE) LocalDate runDate,
                                                          @Value(TALLY) String tally, JsonMapper json) {
        boolean sparse = tally != null && json.readValue(tally, ImportTally.class).sparse();
        String job = settings.job().name();
        return new CompositeItemWriter<>(List.of(
                new LearnerStateWriter<>(learners, LearnerLinks::staged, job, runDate,
                        KeyLookup.of(learners.anyStored(job), sparse)),
                new LinkStateWriter(links, job, runDate, KeyLookup.of(links.anyStored(job), sparse))));
    }

    // --- exportCampaign ---------------------------------------------------------------------

    @Bean
    public Step exportCampaignStep(CampaignReader campaignReader, CompositeItemWriter<CampaignRow> campaignWriter,
                                   JsonMapper json) {
        return new StepBuilder("exportCampaign", jobRepository)
                .<CampaignRow, CampaignRow>chunk(settings.job().chunkSize())
                .transactionManager(transactionManager)
                .reader(campaignReader)
                .writer(campaignWriter)
                .listener(exportedRowsPromotion())
                .listener(progress(step -> audienceSize(step, json), "campaignReader"))
                .build();
    }

    /** About how many rows the export reads (learners, not links): its progress log's total. */
    private long audienceSize(StepExecution step, JsonMapper json) {
        ImportTally tally = ImportRosterTasklet.tally(step.getJobExecution().getExecutionContext(), json);
        return tally == null ? ProgressLog.UNKNOWN
                : settings.campaign().audience() == CampaignSettings.Audience.ALL ? tally.usable() : tally.staged();
    }

    /** The files' row counts, from the writers' saved state into the job's context, for the report's manifest. */
    private static ExecutionContextPromotionListener exportedRowsPromotion() {
        ExecutionContextPromotionListener promotion = new ExecutionContextPromotionListener();
        promotion.setKeys(ExportFiles.ALL.stream().map(ExportFiles::rowsKey).toArray(String[]::new));
        promotion.setStrict(false); // a disabled channel has no writer
        return promotion;
    }

    @Bean
    @StepScope
    public OutputDirectory outputDirectory(@Value(RUN_DATE) LocalDate runDate) {
        return new OutputDirectory(settings.campaign().outDir(), settings.job().name(), runDate);
    }

    @Bean
    @StepScope
    public CampaignReader campaignReader(DataSource dataSource, LinkRepository links, @Value(INSTANCE_ID) Long instanceId,
                                         @Value(RUN_DATE) LocalDate runDate, @Value(TALLY) String tally, JsonMapper json) {
        return audience("campaignReader", dataSource, links, instanceId, runDate, tally, json);
    }

    private CampaignReader audience(String name, DataSource dataSource, LinkRepository links, long instanceId,
                                    LocalDate runDate, String tally, JsonMapper json) {
        boolean sparse = tally != null && json.readValue(tally, ImportTally.class).sparse();
        return new CampaignReader(name, dataSource, links, settings.job().name(), instanceId, runDate,
                settings.campaign().audience(), KeyLookup.of(true, sparse));
    }

    @Bean
    @StepScope
    public CompositeItemWriter<CampaignRow> campaignWriter(OutputDirectory outputDirectory, JsonMapper json) {
        outputDirectory.create();
        Map<String, ItemStreamWriter<CampaignRow>> writers =
                ExportFiles.writers(outputDirectory, settings.campaign(), json);
        return new CompositeItemWriter<>(java.util.List.copyOf(writers.values()));
    }

    // --- deliverEmail (optional) -------------------------------------------------------------

    /** With {@code campaign.email.send: false} the step is there (the flow is fixed) but does nothing. */
    @Bean
    public Step deliverEmailStep(CampaignReader deliveryReader, EmailDelivery emailDelivery,
                                 ObjectProvider<JavaMailSender> mailSender) {
        if (!settings.campaign().email().send()) {
            return new StepBuilder("deliverEmail", jobRepository)
                    .tasklet((contribution, context) -> RepeatStatus.FINISHED, transactionManager).build();
        }
        if (mailSender.getIfAvailable() == null) { // checked at start, before any work
            throw new SettingsException("spring.mail.host", "is required when hublinks.campaign.email.send is true");
        }
        new EmailTemplates(settings.campaign().email()); // tried now: a bad template stops the start, not the night
        return new StepBuilder("deliverEmail", jobRepository)
                .<CampaignRow, CampaignRow>chunk(DELIVERY_CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(deliveryReader)
                .writer(emailDelivery)
                .build();
    }

    @Bean
    @StepScope
    public CampaignReader deliveryReader(DataSource dataSource, LinkRepository links, @Value(INSTANCE_ID) Long instanceId,
                                         @Value(RUN_DATE) LocalDate runDate, @Value(TALLY) String tally, JsonMapper json) {
        return audience("deliveryReader", dataSource, links, instanceId, runDate, tally, json);
    }

    @Bean
    @StepScope
    public EmailDelivery emailDelivery(ObjectProvider<JavaMailSender> mailSender, DeliveryLedger ledger,
                                       @Value(INSTANCE_ID) Long instanceId, @Value(RUN_DATE) LocalDate runDate) {
        return new EmailDelivery(mailSender.getObject(), new EmailTemplates(settings.campaign().email()), ledger,
                settings.campaign().email(), settings.job().name(), runDate, instanceId);
    }

    // --- cleanupStaging ---------------------------------------------------------------------

    @Bean
    public Step cleanupStagingStep(StagingCleanupTasklet stagingCleanupTasklet) {
        return new StepBuilder("cleanupStaging", jobRepository).tasklet(stagingCleanupTasklet, transactionManager).build();
    }

    @Bean
    @StepScope // it keeps the night's list of superseded rosters between its transactions
    public StagingCleanupTasklet stagingCleanupTasklet(NightDelta delta) {
        return new StagingCleanupTasklet(delta, jobRepository);
    }

    // --- report -----------------------------------------------------------------------------

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
    public ReportTasklet reportTasklet(OutputDirectory outputDirectory, LinkRepository links, CatalogRepository catalog,
                                       DeliveryLedger deliveries, JsonMapper json) {
        return new ReportTasklet(outputDirectory, jobRepository, links, catalog, deliveries, json,
                ReportTasklet.Kind.NIGHT, settings.links().courses());
    }

    @Bean
    @StepScope
    public ReportTasklet guardStoppedReportTasklet(OutputDirectory outputDirectory, LinkRepository links,
                                                   CatalogRepository catalog, DeliveryLedger deliveries, JsonMapper json) {
        return new ReportTasklet(outputDirectory, jobRepository, links, catalog, deliveries, json,
                ReportTasklet.Kind.GUARD_STOPPED, settings.links().courses());
    }
}
