package com.example.hublinks.job;

import com.example.hublinks.catalog.Catalog;
import com.example.hublinks.link.LearnerLinks;
import com.example.hublinks.link.LinkIssuer;
import com.example.hublinks.link.LinkRepository;
import com.example.hublinks.link.LinkSettings;
import com.example.hublinks.link.LinkSigner;
import com.example.hublinks.link.LinkStateWriter;
import com.example.hublinks.link.RemoveLeaversTasklet;
import com.example.hublinks.roster.ImportTally;
import com.example.hublinks.roster.LearnerRepository;
import com.example.hublinks.roster.LearnerStateWriter;
import com.example.hublinks.roster.NightDelta;
import com.example.hublinks.roster.StagedLearner;
import com.example.hublinks.scale.LocalPartitions;
import com.example.hublinks.scale.RemotePartitioningConfiguration;
import com.example.hublinks.scale.ScaleSettings;
import com.example.hublinks.scale.UserIdRangePartitioner;
import com.example.hublinks.scale.WorkerStamp;
import com.example.hublinks.support.JobSettings;
import com.example.hublinks.support.KeyLookup;
import com.example.hublinks.support.ProgressLogs;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires steps {@code signLinks} and {@code removeLeavers}. signLinks is partitioned by user-id
 * range (DESIGN §6): {@code hublinks.scale.partitions} threads ({@link LocalPartitions}), each
 * partition ({@code signLinksPartition}) its own restartable step execution with its range in its
 * context; with {@code hublinks.scale.mode: remote} the same partitions go to worker processes
 * instead ({@link RemotePartitioningConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class SigningStepsConfiguration {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JobSettings job;

    SigningStepsConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              JobSettings job) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.job = job;
    }

    @Bean
    public Step signLinksStep(Step signLinksPartitionStep, UserIdRangePartitioner signLinksPartitioner,
                              ScaleSettings scale, DataSource dataSource,
                              ObjectProvider<RemotePartitioningConfiguration> remote) {
        if (scale.mode() == ScaleSettings.Mode.REMOTE) {
            return remote.getObject().managerStep(signLinksPartitionStep.getName(), signLinksPartitioner);
        }
        LocalPartitions partitions = LocalPartitions.of(scale, dataSource);
        return new StepBuilder("signLinks", jobRepository)
                .partitioner(signLinksPartitionStep.getName(), signLinksPartitioner)
                .step(signLinksPartitionStep)
                .gridSize(partitions.gridSize())
                .taskExecutor(partitions.threads())
                .build();
    }

    @Bean
    public Step removeLeaversStep(NightDelta delta, LinkRepository links, LearnerRepository learners) {
        return new StepBuilder("removeLeavers", jobRepository)
                .tasklet(new RemoveLeaversTasklet(delta, links, learners), transactionManager).build();
    }

    @Bean
    @StepScope
    public UserIdRangePartitioner signLinksPartitioner(NightDelta delta, @Value(StepValues.INSTANCE_ID) Long instanceId,
                                                       @Value(StepValues.TALLY) String tally, JsonMapper json) {
        return new UserIdRangePartitioner(delta, instanceId, ImportTally.read(tally, json));
    }

    @Bean
    public Step signLinksPartitionStep(JdbcPagingItemReader<StagedLearner> learnerReader, LinkIssuer linkIssuer,
                                       CompositeItemWriter<LearnerLinks> signedWriter, ProgressLogs progressLogs) {
        return new StepBuilder("signLinksPartition", jobRepository)
                .<StagedLearner, LearnerLinks>chunk(job.chunkSize())
                .transactionManager(transactionManager)
                .reader(learnerReader)
                .processor(linkIssuer)
                .writer(signedWriter)
                .listener(new WorkerStamp(jobRepository))
                .listener(progressLogs.of(UserIdRangePartitioner::size, "learnerReader"))
                .build();
    }

    /** Tonight's delta of one partition's user-id range, in id order (see {@link NightDelta#learnerReader}). */
    @Bean
    @StepScope
    public JdbcPagingItemReader<StagedLearner> learnerReader(DataSource dataSource,
                                                            @Value(StepValues.INSTANCE_ID) Long instanceId,
                                                            @Value("#{stepExecutionContext['fromId']}") String fromId,
                                                            @Value("#{stepExecutionContext['toId']}") String toId)
            throws Exception {
        return NightDelta.learnerReader(dataSource, instanceId, fromId, toId, job.chunkSize());
    }

    @Bean
    @StepScope
    public LinkIssuer linkIssuer(LinkSigner signer, LinkSettings links, Catalog catalog) {
        return new LinkIssuer(signer, links, catalog);
    }

    /** The learner's stored state and their links, written in the same chunk transaction. */
    @Bean
    @StepScope
    public CompositeItemWriter<LearnerLinks> signedWriter(LinkRepository links, LearnerRepository learners,
                                                          @Value(StepValues.RUN_DATE) LocalDate runDate,
                                                          @Value(StepValues.TALLY) String tally, JsonMapper json) {
        boolean sparse = ImportTally.sparse(tally, json);
        return new CompositeItemWriter<>(List.of(
                new LearnerStateWriter<>(learners, LearnerLinks::staged, job.name(), runDate,
                        KeyLookup.of(learners.anyStored(job.name()), sparse)),
                new LinkStateWriter(links, job.name(), runDate, KeyLookup.of(links.anyStored(job.name()), sparse))));
    }
}
