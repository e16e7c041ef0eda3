package com.example.hublinks.scale;

import com.example.hublinks.support.JobSettings;
import javax.sql.DataSource;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;

/**
 * Remote partitioning of {@code signLinks} ({@code hublinks.scale.mode: remote}, DESIGN §6), with
 * Spring Batch Integration and no broker: the manager ({@code hublinks run}) splits the night
 * with the same partitioner as local mode and puts one request per partition into a queue
 * channel kept in the shared PostgreSQL ({@link PartitionRequests}); {@code hublinks worker}
 * processes take the requests and run {@code signLinksPartition}; the manager polls the job
 * repository until every partition ended. Everything a partition needs (job repository, staged
 * roster, catalog, links) is in that database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hublinks.scale.mode", havingValue = "remote")
public class RemotePartitioningConfiguration {

    private final JobSettings job;
    private final ScaleSettings scale;
    private final JobRepository jobRepository;
    private final BeanFactory beanFactory;
    private final QueueChannel requests;

    public RemotePartitioningConfiguration(JobSettings job, ScaleSettings scale, JobRepository jobRepository,
                                           BeanFactory beanFactory, DataSource dataSource,
                                           @Value("${spring.datasource.url:}") String databaseUrl) {
        this.job = job;
        this.scale = scale;
        this.jobRepository = jobRepository;
        this.beanFactory = beanFactory;
        this.requests = PartitionRequests.of(dataSource, databaseUrl, job.name());
    }

    /** {@code signLinks} of the manager: the local step's partitions, sent to the workers instead of threads. */
    public Step managerStep(String workerStep, Partitioner partitioner) {
        RemotePartitioningManagerStepBuilderFactory steps = new RemotePartitioningManagerStepBuilderFactory(jobRepository);
        steps.setBeanFactory(beanFactory);
        return steps.get("signLinks")
                .partitioner(workerStep, partitioner)
                .gridSize(scale.gridSize(Integer.MAX_VALUE)) // the manager runs none: no pool limit
                .outputChannel(requests)
                .pollInterval(scale.pollInterval().toMillis())
                .timeout(scale.timeout().toMillis())
                .aggregator(new WorkerResults())
                .listener(new StrandedPartitions(jobRepository, workerStep, scale.timeout()))
                .build();
    }

    /** What {@code hublinks worker} runs: requests from the channel, each run as {@code signLinksPartition}. */
    @Bean
    public PartitionWorker partitionWorker(Step signLinksPartitionStep) {
        PartitionWorker.InHand inHand = new PartitionWorker.InHand(signLinksPartitionStep);
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(jobRepository);
        // the request names the step (signLinksPartition), not its bean (signLinksPartitionStep)
        handler.setStepLocator(name -> name.equals(signLinksPartitionStep.getName()) ? inHand : null);
        return new PartitionWorker(requests, handler, inHand, jobRepository, scale.pollInterval(),
                PartitionRequests.describe(job.name()));
    }
}
