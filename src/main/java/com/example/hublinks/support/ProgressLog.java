package com.example.hublinks.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * While a chunk step runs, logs every {@code hublinks.ops.progress-every} how far it got: items
 * done, items per second and, when the step's total is known, the share done and the time left.
 * Counts only, never an item: a learner's link is a login.
 */
public class ProgressLog implements StepExecutionListener, ItemWriteListener<Object>, ChunkListener<Object, Object> {

    /** The total a step will process, or {@link #UNKNOWN}. */
    public static final long UNKNOWN = -1;

    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

    private final Duration every;
    private final Clock clock;
    private final ToLongFunction<StepExecution> total;
    private final String readerName;
    private final boolean tasklet;

    // per thread: the partitions of signLinks share this listener, each on its own thread
    private final ThreadLocal<State> state = new ThreadLocal<>();

    /**
     * @param total      what the step will process in all, or {@link #UNKNOWN}
     * @param readerName the reader whose saved count tells how much a resumed step had done already
     */
    public ProgressLog(Duration every, Clock clock, ToLongFunction<StepExecution> total, String readerName) {
        this(every, clock, total, readerName, false);
    }

    private ProgressLog(Duration every, Clock clock, ToLongFunction<StepExecution> total, String readerName,
                        boolean tasklet) {
        this.every = every;
        this.clock = clock;
        this.total = total;
        this.readerName = readerName;
        this.tasklet = tasklet;
    }

    /** For a tasklet step that counts what it reads (importRoster): progress after each of its transactions. */
    public static ProgressLog ofReads(Duration every, Clock clock) {
        return new ProgressLog(every, clock, step -> UNKNOWN, "", true);
    }

    @Override
    public void afterChunk(ChunkContext context) {
        if (tasklet) {
            State s = state.get();
            long read = context.getStepContext().getStepExecution().getReadCount();
            if (s != null && read > s.done()) {
                progress(read - s.done());
            }
        }
    }

    record State(String step, long total, long before, Instant started, long done, Instant lastLog) {
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long before = stepExecution.getExecutionContext().get(readerName + ".read.count") instanceof Number n
                ? n.longValue() : 0; // readers save it as an int
        Instant now = clock.instant();
        state.set(new State(stepExecution.getStepName(), total.applyAsLong(stepExecution), before, now, 0, now));
        if (before > 0) {
            log.info("{}: resuming after {} items done by an earlier run", stepExecution.getStepName(), before);
        }
    }

    @Override
    public void afterWrite(Chunk<?> items) {
        if (!tasklet) {
            progress(items.size());
        }
    }

    private void progress(long items) {
        State s = state.get();
        if (s == null) {
            return;
        }
        Instant now = clock.instant();
        State next = new State(s.step(), s.total(), s.before(), s.started(), s.done() + items, s.lastLog());
        if (Duration.between(s.lastLog(), now).compareTo(every) >= 0) {
            log.info(line(next, now));
            next = new State(next.step(), next.total(), next.before(), next.started(), next.done(), now);
        }
        state.set(next);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        state.remove();
        return stepExecution.getExitStatus();
    }

    static String line(State s, Instant now) {
        double seconds = Math.max(0.001, Duration.between(s.started(), now).toMillis() / 1000.0);
        double rate = s.done() / seconds;
        long done = s.before() + s.done();
        if (s.total() == UNKNOWN) {
            return String.format(Locale.ROOT, "%s: %,d items done, %,.0f items/s", s.step(), done, rate);
        }
        long left = Math.max(0, s.total() - done);
        String eta = rate > 0 ? formatDuration(Duration.ofSeconds(Math.round(left / rate))) : "?";
        return String.format(Locale.ROOT, "%s: %,d of %,d items done (%.0f%%), %,.0f items/s, ETA %s", s.step(), done,
                s.total(), s.total() == 0 ? 100.0 : 100.0 * done / s.total(), rate, eta);
    }

    static String formatDuration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
