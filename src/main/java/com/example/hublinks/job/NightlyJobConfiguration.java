package com.example.hublinks.job;

import com.example.hublinks.HublinksProperties;
import com.example.hublinks.SettingsException;
import com.example.hublinks.campaign.CampaignReader;
import com.example.hublinks.campaign.CampaignRow;
import com.example.hublinks.campaign.DeliveryLedger;
import com.example.hublinks.campaign.EmailDelivery;
import com.example.hublinks.campaign.EmailTemplates;
import com.example.hublinks.campaign.ExportFiles;
import com.example.hublinks.campaign.OutputDirectory;
import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.catalog.CatalogRepository;
import com.example.hublinks.catalog.RefreshCatalogTasklet;
import com.example.hublinks.link.LearnerLinks;
import com.example.hublinks.link.LinkIssuer;
import com.example.hublinks.link.LinkRepository;
import com.example.hublinks.link.LinkSigner;
import com.example.hublinks.link.LinkStateWriter;
import com.example.hublinks.ops.MetricsFile;
import com.example.hublinks.ops.ProgressLog;
import com.example.hublinks.ops.RunSummaryLog;
import com.example.hublinks.roster.ContactRules;
import com.example.hublinks.roster.JdbcRosterReader;
import com.example.hublinks.roster.Learner;
import com.example.hublinks.roster.RosterCsvReader;
import com.example.hublinks.roster.RosterRepository;
import com.example.hublinks.roster.RosterRow;
import com.example.hublinks.roster.RosterStagingWriter;
import com.example.hublinks.roster.RosterValidator;
import com.example.hublinks.roster.ValidatedRow;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.item.support.AbstractItemStreamItemReader;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the nightly job (DESIGN §2): refreshCatalog → importRoster → guard → signLinks →
 * removeLeavers → exportCampaign → deliverEmail → cleanupStaging → report. A guard stop goes
 * straight to the report and ends the job with exit code 3. Business logic lives in the feature
 * packages; this class only assembles it.
 */
@Configuration
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "hublinks-nightly";
    /** Small: a chunk of emails takes seconds at a polite send rate, and the ledger, not the chunk, guards against resends. */
    static final int DELIVERY_CHUNK_SIZE = 50;

    private static final String INSTANCE_ID = "#{stepExecution.jobExecution.jobInstance.instanceId}";
    private static final String RUN_DATE = "#{jobParameters['runDate']}";

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
                          Step cleanupStagingStep, Step reportStep, Step guardStoppedReportStep,
                          MetricsFile metricsFile, ThisRun thisRun) {
        return new JobBuilder(JOB_NAME, jobRepository)
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
    public MetricsFile metricsFile(PrometheusMeterRegistry meterRegistry, LinkRepository links, RosterRepository roster) {
        return new MetricsFile(meterRegistry, links, roster, settings.campaign().outDir());
    }

    private ProgressLog progress(ToLongFunction<StepExecution> total, String readerName) {
        return new ProgressLog(settings.ops().progressEvery(), clock, total, readerName);
    }

    // --- importRoster -------------------------------------------------------------------

    @Bean
    public Step importRosterStep(AbstractItemStreamItemReader<RosterRow> rosterReader, RosterValidator rosterValidator,
                                 RosterStagingWriter rosterWriter, RosterRepository roster) {
        return new StepBuilder("importRoster", jobRepository)
                .<RosterRow, ValidatedRow>chunk(settings.job().chunkSize())
                .transactionManager(transactionManager)
                .reader(rosterReader)
                .processor(rosterValidator)
                .writer(rosterWriter)
                .listener(new RosterImportListener(roster))
                .listener(progress(step -> ProgressLog.UNKNOWN, "rosterReader"))
                .build();
    }

    @Bean
    @StepScope
    public AbstractItemStreamItemReader<RosterRow> rosterReader(@Value("#{jobParameters['roster']}") String rosterOverride)
            throws Exception {
        if (settings.roster().source() == HublinksProperties.RosterSource.JDBC) {
            // the roster database's own connection, never the application's
            return new JdbcRosterReader(JdbcRosterReader.dataSource(settings.roster().jdbc(), System::getenv),
                    settings.roster(), settings.job().chunkSize());
        }
        Path file = rosterOverride != null ? Path.of(rosterOverride) : settings.roster().path();
        return new RosterCsvReader(file, settings.roster());
    }

    @Bean
    @StepScope
    public Catalog catalog(CatalogRepository repository) {
        return new Catalog(repository.load(), settings.catalog().teams(), repository.explicitCourseTeams());
    }

    @Bean
    @StepScope
    public RosterValidator rosterValidator(Catalog catalog) {
        boolean contactNeeded = settings.campaign().email().enabled() || settings.campaign().sms().enabled();
        return new RosterValidator(settings.roster().columns(), catalog,
                new ContactRules(settings.roster().defaultRegion()), contactNeeded);
    }

    @Bean
    @StepScope
    public RosterStagingWriter rosterWriter(RosterRepository repository, @Value(INSTANCE_ID) Long instanceId) {
        return new RosterStagingWriter(repository, instanceId, settings.roster().columns().externalUserId());
    }

    // --- guard ------------------------------------------------------------------------------

    @Bean
    public Step guardStep(GuardTasklet guardTasklet) {
        return new StepBuilder(GuardTasklet.STEP, jobRepository).tasklet(guardTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public GuardTasklet guardTasklet(RosterRepository roster, LinkRepository links,
                                     @Value("#{jobParameters['acceptShrink']}") String acceptShrink) {
        return new GuardTasklet(settings.guard(), roster, links, settings.job().name(), Boolean.parseBoolean(acceptShrink));
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
        if (settings.scale().mode() == HublinksProperties.ScaleMode.REMOTE) {
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
    public Step removeLeaversStep(LinkRepository links) {
        return new StepBuilder("removeLeavers", jobRepository)
                .tasklet(new RemoveLeaversTasklet(links), transactionManager).build();
    }

    @Bean
    @StepScope
    public UserIdRangePartitioner signLinksPartitioner(RosterRepository roster, @Value(INSTANCE_ID) Long instanceId) {
        return new UserIdRangePartitioner(roster, instanceId);
    }

    @Bean
    public Step signLinksPartitionStep(JdbcCursorItemReader<Learner> learnerReader, LinkIssuer linkIssuer,
                                       LinkStateWriter linkWriter) {
        return new StepBuilder("signLinksPartition", jobRepository)
                .<Learner, LearnerLinks>chunk(settings.job().chunkSize())
                .transactionManager(transactionManager)
                .reader(learnerReader)
                .processor(linkIssuer)
                .writer(linkWriter)
                .listener(new WorkerStamp(jobRepository))
                .listener(progress(step -> step.getExecutionContext().getLong(UserIdRangePartitioner.SIZE,
                        ProgressLog.UNKNOWN), "learnerReader"))
                .build();
    }

    /**
     * Tonight's learners of one partition's user-id range, as one streamed query in primary-key
     * order. Restart skips the rows already read: the order is unique, so they are the same rows.
     * Not a paging reader: H2 sorts everything after the start key for each page (quadratic).
     */
    @Bean
    @StepScope
    public JdbcCursorItemReader<Learner> learnerReader(DataSource dataSource, @Value(INSTANCE_ID) Long instanceId,
                                                      @Value("#{stepExecutionContext['fromId']}") String fromId,
                                                      @Value("#{stepExecutionContext['toId']}") String toId) {
        List<Object> arguments = new ArrayList<>(List.of(instanceId));
        String where = "where job_instance_id = ?";
        if (fromId != null) {
            where += " and external_user_id >= ?";
            arguments.add(fromId);
        }
        if (toId != null) {
            where += " and external_user_id < ?";
            arguments.add(toId);
        }
        return new JdbcCursorItemReaderBuilder<Learner>()
                .name("learnerReader")
                .dataSource(dataSource)
                .sql("select external_user_id, line_no, first_name, last_name, email, phone, team_ids, locale"
                        + " from roster_learner " + where + " order by job_instance_id, external_user_id")
                .queryArguments(arguments)
                .fetchSize(settings.job().chunkSize())
                .connectionAutoCommit(false) // PostgreSQL streams a result only outside auto-commit
                .rowMapper((rs, i) -> RosterRepository.learner(rs))
                .build();
    }

    @Bean
    @StepScope
    public LinkIssuer linkIssuer(LinkSigner signer, Catalog catalog) {
        return new LinkIssuer(signer, settings.links(), catalog);
    }

    @Bean
    @StepScope
    public LinkStateWriter linkWriter(LinkRepository links, @Value(RUN_DATE) LocalDate runDate) {
        return new LinkStateWriter(links, settings.job().name(), runDate);
    }

    // --- exportCampaign ---------------------------------------------------------------------

    @Bean
    public Step exportCampaignStep(JdbcCursorItemReader<CampaignRow> campaignReader,
                                   CompositeItemWriter<CampaignRow> campaignWriter, JdbcTemplate jdbc) {
        return new StepBuilder("exportCampaign", jobRepository)
                .<CampaignRow, CampaignRow>chunk(settings.job().chunkSize())
                .transactionManager(transactionManager)
                .reader(campaignReader)
                .writer(campaignWriter)
                .listener(exportedRowsPromotion())
                .listener(progress(step -> CampaignReader.count(jdbc, settings.job().name(),
                        step.getJobExecution().getJobParameters().getLocalDate(RunParameters.RUN_DATE),
                        settings.campaign().audience()), "campaignReader"))
                .build();
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
    public JdbcCursorItemReader<CampaignRow> campaignReader(DataSource dataSource, @Value(INSTANCE_ID) Long instanceId,
                                                            @Value(RUN_DATE) LocalDate runDate) {
        return CampaignReader.build(dataSource, settings.job().name(), instanceId, runDate,
                settings.campaign().audience(), settings.job().chunkSize());
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
    public Step deliverEmailStep(JdbcCursorItemReader<CampaignRow> deliveryReader, EmailDelivery emailDelivery,
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
    public JdbcCursorItemReader<CampaignRow> deliveryReader(DataSource dataSource, @Value(INSTANCE_ID) Long instanceId,
                                                            @Value(RUN_DATE) LocalDate runDate) {
        return CampaignReader.build("deliveryReader", dataSource, settings.job().name(), instanceId, runDate,
                settings.campaign().audience(), DELIVERY_CHUNK_SIZE);
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
    public StagingCleanupTasklet stagingCleanupTasklet(RosterRepository roster) {
        return new StagingCleanupTasklet(roster, jobRepository);
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
    public ReportTasklet reportTasklet(OutputDirectory outputDirectory, RosterRepository roster, LinkRepository links,
                                       CatalogRepository catalog, DeliveryLedger deliveries, JsonMapper json) {
        return new ReportTasklet(outputDirectory, roster, links, catalog, deliveries, json, false, settings.links().courses());
    }

    @Bean
    @StepScope
    public ReportTasklet guardStoppedReportTasklet(OutputDirectory outputDirectory, RosterRepository roster,
                                                   LinkRepository links, CatalogRepository catalog,
                                                   DeliveryLedger deliveries, JsonMapper json) {
        return new ReportTasklet(outputDirectory, roster, links, catalog, deliveries, json, true, settings.links().courses());
    }
}
