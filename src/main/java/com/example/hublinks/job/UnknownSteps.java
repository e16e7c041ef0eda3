package com.example.hublinks.job;

import com.example.hublinks.campaign.ExportFiles;
import com.example.hublinks.reminder.ReminderFiles;
import com.example.hublinks.support.JobSettings;
import com.example.hublinks.support.OutputDirectory;
import com.example.hublinks.support.RunParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * Makes a night that Spring Batch left UNKNOWN resumable, before the same command resumes it.
 * <p>
 * Spring Batch marks a step UNKNOWN when it cannot save the step's state after a failure, most
 * often because the chunk's commit itself failed (a full disk under a file writer, the database
 * gone mid-commit, the heap exhausted): the step in memory is then a version ahead of the stored
 * one, every save is refused, the step's row stays as its last commit left it (STARTED) and the
 * job ends UNKNOWN. Spring Batch then refuses to restart it ("Manual intervention is probably
 * necessary"): in general it cannot know what a failed commit left behind. Here it can. The job
 * repository, the steps' tables and their saved state share one database and transaction manager,
 * so the stored state is exactly that of the last committed chunk and of the rows written with it;
 * the export files are written at commit, and a restart truncates them to the positions that chunk
 * saved. So, under the night's run lock (no other process runs it), each step left UNKNOWN or
 * STARTED is checked and marked FAILED, and the execution with it; the restart resumes each from
 * its last committed chunk, as after a kill -9. The check: every export file must still hold the
 * bytes its saved position counts; a step whose files lost some since (a host crash before the
 * page cache reached the disk; a part file deleted) restarts from its first item instead, which
 * writes the same bytes.
 */
@Component
class UnknownSteps {

    private static final Logger log = LoggerFactory.getLogger(UnknownSteps.class);

    private final JobRepository jobRepository;
    private final JobSettings job;
    private final RunDirectories directories;

    UnknownSteps(JobRepository jobRepository, JobSettings job, RunDirectories directories) {
        this.jobRepository = jobRepository;
        this.job = job;
        this.directories = directories;
    }

    /** Settles the unfinished steps of {@code last}, the night's execution about to be resumed. */
    void settle(JobExecution last) {
        JobExecution execution = jobRepository.getJobExecution(last.getId()); // as stored, versions included
        if (execution == null) {
            return;
        }
        LocalDate runDate = execution.getJobParameters().getLocalDate(RunParameters.RUN_DATE);
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.COMPLETED) {
                continue;
            }
            List<String> lost = lostFiles(step, runDate);
            if (!lost.isEmpty()) {
                log.warn("{}: {} lost bytes since its last commit; it restarts from its first item", step.getStepName(),
                        String.join(", ", lost));
                step.setExecutionContext(new ExecutionContext());
                jobRepository.updateExecutionContext(step);
            }
            BatchStatus left = step.getStatus();
            if (left == BatchStatus.UNKNOWN || left.isRunning()) {
                // a row left STARTED is as its last commit saved it; one saved UNKNOWN counts the failed chunk too
                log.warn("{} was left {} by run {} after a failed commit; its last committed chunk stands{}: marking it"
                        + " failed, to resume from there", step.getStepName(), left, execution.getId(),
                        left == BatchStatus.UNKNOWN ? "" : String.format(" (%,d items written)", step.getWriteCount()));
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription("left " + left
                        + " by a failed commit; resumed from its last committed chunk"));
                if (step.getEndTime() == null) {
                    step.setEndTime(LocalDateTime.now());
                }
                jobRepository.update(step);
            }
        }
        if (execution.getStatus() == BatchStatus.UNKNOWN) {
            log.warn("Run {} of {} {} ended UNKNOWN after a failed commit; its steps are checked: resuming it",
                    execution.getId(), job.name(), runDate);
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(ExitStatus.FAILED.addExitDescription("ended UNKNOWN after a failed commit"));
            jobRepository.update(execution);
        }
    }

    /** The export files of {@code step} shorter than the position its last commit saved (or gone). */
    private List<String> lostFiles(StepExecution step, LocalDate runDate) {
        OutputDirectory out = directories.night(runDate);
        List<String> lost = new ArrayList<>();
        for (String name : Stream.concat(ExportFiles.ALL.stream(), ReminderFiles.ALL.stream()).toList()) {
            String key = ExportFiles.positionKey(name);
            if (step.getExecutionContext().containsKey(key)) {
                Path part = out.part(name);
                long saved = step.getExecutionContext().getLong(key);
                long size = size(part);
                if (size < saved) {
                    lost.add(part + (size < 0 ? " (missing)" : " (" + size + " of " + saved + " bytes)"));
                }
            }
        }
        return lost;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
