package com.example.hublinks.report;

import com.example.hublinks.roster.GuardTasklet;
import com.example.hublinks.support.RunParameters;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** The last runs of one job definition, from Spring Batch's job repository: what {@code hublinks status} shows. */
@Component
public class RunHistory {

    /** How far back to look among all job definitions' instances sharing the repository. */
    private static final int SCAN = 500;

    private final JobRepository jobRepository;

    public RunHistory(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    /** One execution: a run, or the resumption of a run that failed. */
    public record Run(long execution, String runDate, long attempt, String status, String exitCode,
                      LocalDateTime started, LocalDateTime ended, double seconds, long read, long signed,
                      long exported, String failedStep, boolean guardStopped) {
    }

    /** The newest {@code limit} executions of the job, newest first. */
    public List<Run> last(String job, int limit) {
        List<Run> runs = new ArrayList<>();
        for (JobInstance instance : jobRepository.getJobInstances(RunParameters.NIGHTLY_JOB, 0, SCAN)) {
            for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
                if (job.equals(execution.getJobParameters().getString(RunParameters.JOB))) {
                    runs.add(run(execution));
                }
            }
        }
        return runs.stream().sorted(Comparator.comparingLong(Run::execution).reversed()).limit(limit).toList();
    }

    private static Run run(JobExecution execution) {
        var parameters = execution.getJobParameters();
        LocalDateTime end = execution.getEndTime();
        String failedStep = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus().isUnsuccessful()).map(StepExecution::getStepName).findFirst().orElse(null);
        return new Run(execution.getId(), String.valueOf(parameters.getLocalDate(RunParameters.RUN_DATE)),
                parameters.getLong(RunParameters.ATTEMPT), execution.getStatus().name(),
                execution.getExitStatus().getExitCode(), execution.getStartTime(), end, Elapsed.seconds(execution.getStartTime(), end),
                count(execution, "importRoster", StepExecution::getReadCount),
                count(execution, "signLinks", StepExecution::getWriteCount),
                count(execution, "exportCampaign", StepExecution::getWriteCount), failedStep,
                execution.getStepExecutions().stream().anyMatch(s -> GuardTasklet.STOPPED.equals(s.getExitStatus().getExitCode())));
    }

    private static long count(JobExecution execution, String step, java.util.function.ToLongFunction<StepExecution> count) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(step)).mapToLong(count).sum();
    }
}
