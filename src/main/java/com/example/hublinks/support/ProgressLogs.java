package com.example.hublinks.support;

import java.time.Clock;
import java.time.Duration;
import java.util.function.ToLongFunction;
import org.springframework.batch.core.step.StepExecution;

/** The steps' {@link ProgressLog}s, each logging every {@code hublinks.ops.progress-every}. */
public record ProgressLogs(Duration every, Clock clock) {

    /** For a chunk step; see {@link ProgressLog#ProgressLog(Duration, Clock, ToLongFunction, String)}. */
    public ProgressLog of(ToLongFunction<StepExecution> total, String readerName) {
        return new ProgressLog(every, clock, total, readerName);
    }

    /** For a tasklet step that counts what it reads; see {@link ProgressLog#ofReads}. */
    public ProgressLog ofReads() {
        return ProgressLog.ofReads(every, clock);
    }
}
