package com.example.hublinks.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The night this process runs, as Spring Batch holds it in memory: for a SIGTERM to know what to
 * stop, and for the console to say where a night failed when Spring Batch could not even save
 * how it ended (the database gone) and the job's launch ended with that exception instead.
 */
@Component
class ThisRun implements JobExecutionListener {

    private volatile JobExecution execution;

    @Override
    public void beforeJob(JobExecution jobExecution) {
        execution = jobExecution;
    }

    /** The execution started last in this process, running or ended; null before the first. */
    public JobExecution execution() {
        return execution;
    }

    /** Before a start: so that {@link #execution()} is that start's, or null if it never began. */
    void forget() {
        execution = null;
    }
}
