package com.example.hublinks.job;

import com.example.hublinks.catalog.CatalogSettings;
import com.example.hublinks.catalog.EdumeApiClient;
import com.example.hublinks.link.LinkSigner;
import com.example.hublinks.ops.ExclusiveRun;
import com.example.hublinks.roster.GuardTasklet;
import com.example.hublinks.roster.RosterAcceptances;
import com.example.hublinks.roster.TonightsRoster;
import com.example.hublinks.support.ExitCodes;
import com.example.hublinks.support.JobSettings;
import com.example.hublinks.support.RunParameters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs one night of one job definition with the run identity of DESIGN §2: a date that failed
 * resumes where it stopped, a date that completed is a no-op unless forced, a run while another
 * is in progress is refused (the job's run lock, see {@link ExclusiveRun}). Returns the exit code
 * the command line ends with.
 */
@Component
public class NightlyRun {

    private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyJob;
    private final JobSettings settings;
    private final CatalogSettings catalog;
    private final TonightsRoster roster;
    private final RunDirectories directories;
    private final ObjectProvider<LinkSigner> signer;
    private final ObjectProvider<EdumeApiClient> edumeApi;
    private final Clock clock;
    private final ExclusiveRun exclusiveRun;
    private final UnknownSteps unknownSteps;
    private final GracefulStop gracefulStop;
    private final ThisRun thisRun;
    private final RosterAcceptances acceptances;

    public NightlyRun(JobOperator jobOperator, JobRepository jobRepository, Job nightlyJob, JobSettings settings,
                      CatalogSettings catalog, TonightsRoster roster, RunDirectories directories,
                      ObjectProvider<LinkSigner> signer, ObjectProvider<EdumeApiClient> edumeApi, Clock clock,
                      ExclusiveRun exclusiveRun, UnknownSteps unknownSteps, GracefulStop gracefulStop,
                      ThisRun thisRun, RosterAcceptances acceptances) {
        this.thisRun = thisRun;
        this.exclusiveRun = exclusiveRun;
        this.unknownSteps = unknownSteps;
        this.gracefulStop = gracefulStop;
        this.acceptances = acceptances;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyJob = nightlyJob;
        this.settings = settings;
        this.catalog = catalog;
        this.roster = roster;
        this.directories = directories;
        this.signer = signer;
        this.edumeApi = edumeApi;
        this.clock = clock;
    }

    /** What the operator asked for on the command line. */
    public record Request(LocalDate date, String roster, boolean force, boolean acceptShrink) {
    }

    /** How the run ended: the exit code and one line for the console. */
    public record Outcome(int exitCode, String message) {
    }

    public Outcome run(Request request) throws Exception {
        String job = settings.name();
        request = withShrinkAcceptedInTheBrowser(request, job);
        LocalDate runDate = request.date() != null ? request.date() : LocalDate.now(clock.withZone(settings.zone()));
        // A date that already completed needs no roster: it is looked up first (read only, no lock), so that a
        // no-op night neither decodes the roster file nor fails on one that has gone since. Under the lock
        // start() looks again, and checks the roster then if this look found it completed and it no longer is.
        boolean rosterChecked = false;
        if (request.force() || !lastRun(job, runDate).completed()) {
            roster.check(request.roster());
            rosterChecked = true;
        }
        checkSecrets();

        try (ExclusiveRun.Lease lease = exclusiveRun.acquire(job)) {
            recoverDeadRuns(job);
            return start(request, job, runDate, rosterChecked);
        } catch (ExclusiveRun.HeldElsewhere held) {
            return new Outcome(ExitCodes.LOCKED, "another run of " + job + " is in progress (lock "
                    + held.getMessage() + "); nothing was touched");
        }
    }

    /**
     * With the lock held no other process runs this job, so an execution still marked running was
     * left by a process that died (kill -9, power cut): mark it failed so that it can be resumed.
     */
    private void recoverDeadRuns(String job) {
        for (JobExecution dead : jobRepository.findRunningJobExecutions(RunParameters.NIGHTLY_JOB)) {
            if (job.equals(dead.getJobParameters().getString(RunParameters.JOB))) {
                log.warn("Run {} of {} {} (started {}) was left running by a process that ended; marking it failed",
                        dead.getId(), job, dead.getJobParameters().getLocalDate(RunParameters.RUN_DATE),
                        dead.getStartTime());
                jobOperator.recover(dead);
            }
        }
    }

    /** The date's latest attempt: how many attempts it has had, and how the last one's last execution ended. */
    private record LastRun(long attempts, JobExecution execution) {
        boolean completed() {
            return execution != null && execution.getStatus() == BatchStatus.COMPLETED;
        }
    }

    private LastRun lastRun(String job, LocalDate runDate) {
        long attempt = 0;
        JobExecution last = null;
        JobInstance instance;
        while ((instance = jobRepository.getJobInstance(RunParameters.NIGHTLY_JOB,
                RunParameters.identifying(job, runDate, attempt).toJobParameters())) != null) {
            last = jobRepository.getLastJobExecution(instance);
            attempt++;
        }
        return new LastRun(attempt, last);
    }

    private Outcome start(Request request, String job, LocalDate runDate, boolean rosterChecked) throws Exception {
        LastRun lastRun = lastRun(job, runDate);
        long attempt = lastRun.attempts();
        JobExecution last = lastRun.execution();
        if (last != null) {
            boolean completed = lastRun.completed();
            if (completed && !request.force()) {
                return new Outcome(ExitCodes.OK, job + " " + runDate + " already completed; nothing to do"
                        + " (--force runs it afresh)");
            }
            boolean resume = !completed && !request.force() && !request.acceptShrink() && !GuardTasklet.stopped(last);
            if (resume) {
                attempt--;
                unknownSteps.settle(last); // a failed commit left it UNKNOWN: Spring Batch alone would refuse to resume it
                log.info("Resuming {} {} where it stopped", job, runDate);
            }
        }

        if (!rosterChecked) { // it completed when first looked at, and no longer has (a forced run since)
            roster.check(request.roster());
        }
        RunParameters parameters = new RunParameters(job, runDate, attempt, request.roster(), request.acceptShrink());
        log.info("Starting {} for {} (attempt {})", job, runDate, attempt);
        if (gracefulStop.requested()) { // SIGTERM before the night started: nothing to stop, nothing to resume
            return new Outcome(ExitCodes.STOPPED, job + " " + runDate + " not started: the process is stopping (SIGTERM)");
        }
        JobExecution execution;
        thisRun.forget();
        try {
            execution = jobOperator.start(nightlyJob, parameters.toJobParameters());
        } catch (JobExecutionAlreadyRunningException e) {
            return new Outcome(ExitCodes.LOCKED, "another run of " + job + " " + runDate + " is in progress");
        } catch (RuntimeException e) {
            // the job ended without saving how (its database gone): what it held in memory still says where
            JobExecution ran = thisRun.execution();
            if (ran == null) {
                throw e; // it failed before it began
            }
            log.error("{} {} could not save how it ended: {}", job, runDate, e.getMessage());
            ran.addFailureException(e);
            execution = ran;
        }
        return outcome(execution, job, runDate);
    }

    /** HR's "I know it shrank" for the very file at {@code roster.path} (hublinks serve) is tonight's --accept-shrink. */
    private Request withShrinkAcceptedInTheBrowser(Request request, String job) {
        Path file = roster.file(null);
        if (request.acceptShrink() || request.roster() != null || file == null) {
            return request;
        }
        return acceptances.shrinkAcceptedFor(job, file).map(a -> {
            log.info("The roster's shrink was accepted by {} at {} when they made it the roster; the guard lets it through",
                    a.acceptedBy(), a.acceptedAt());
            return new Request(request.date(), null, request.force(), true);
        }).orElse(request);
    }

    private void checkSecrets() {
        signer.getObject(); // the signing secret must be there before any work is done
        if (catalog.source() == CatalogSettings.Source.API) {
            edumeApi.getObject(); // and so must the eduMe API key
        }
    }

    private Outcome outcome(JobExecution execution, String job, LocalDate runDate) {
        String where = directories.night(runDate).path().toString();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return new Outcome(ExitCodes.OK, job + " " + runDate + " completed; files in " + where);
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            String step = execution.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.STOPPED)
                    .map(StepExecution::getStepName).findFirst().orElse(FailedStep.of(execution).name());
            return new Outcome(ExitCodes.STOPPED, job + " " + runDate + " stopped in step " + step
                    + " at a chunk boundary" + (gracefulStop.requested() ? " on SIGTERM" : "")
                    + "; its lock is released; run the same command again to resume");
        }
        if (GuardTasklet.stopped(execution)) {
            return new Outcome(ExitCodes.GUARD_STOPPED, job + " " + runDate + " stopped by the guard: "
                    + GuardTasklet.step(execution).map(s -> s.getExitStatus().getExitDescription()).orElse("")
                    + "; previously issued links are untouched; see " + where + "/report.json");
        }
        return FailedStep.outcome(execution, job + " " + runDate, "; run the same command again to resume");
    }
}
