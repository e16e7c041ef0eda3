package com.example.hublinks.campaign;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells which export file could not take a chunk's lines. A transactional FlatFileItemWriter writes
 * them in a transaction synchronization just before the database commits; when that write fails (a
 * full disk: a short write, or "No space left on device") the commit fails with Spring Batch's
 * "Could not write to output buffer", which names no file. Synchronizations run in the order they
 * were registered, so a watch registered before the file's first write of the transaction and a
 * marker registered after it bracket the file's own: the watch that began and never saw its marker
 * end is the file that failed. That file, and the space left where it lives, go first into the
 * step's failures, so the console's line names them.
 */
final class FlushWatch implements TransactionSynchronization {

    /** Below this much free space a failed write is taken for a full disk. */
    static final long LOW_SPACE = 1 << 20;

    private final Object key;
    private final Path file;
    private boolean began;
    private boolean ended;

    private FlushWatch(Object key, Path file) {
        this.key = key;
        this.file = file;
    }

    interface Write {
        void run() throws Exception;
    }

    /** Runs one write of {@code writer} to {@code file}, watching the file's flush at the commit of the transaction. */
    static void around(Object writer, Path file, Write write) throws Exception {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(writer)) {
            write.run(); // no transaction, or watched already: the file's synchronization was registered by its first write
            return;
        }
        FlushWatch watch = new FlushWatch(writer, file);
        TransactionSynchronizationManager.bindResource(writer, watch);
        TransactionSynchronizationManager.registerSynchronization(watch);
        write.run();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                watch.ended = true;
            }
        });
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        began = true;
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(key);
        StepContext step = StepSynchronizationManager.getContext();
        if (status != STATUS_COMMITTED && began && !ended && step != null) {
            step.getStepExecution().addFailureException(new ExportFileException(file, why(file)));
        }
    }

    static String why(Path file) {
        try {
            FileStore store = Files.getFileStore(file.getParent());
            long free = store.getUsableSpace();
            return free < LOW_SPACE ? "no space left on device, " + String.format("%,d", free) + " bytes free on " + store
                    + "; free some space there" : "the write failed (see the log), " + String.format("%,d", free)
                    + " bytes free on " + store;
        } catch (IOException e) {
            return "the write failed (see the log)";
        }
    }

    /** An export file that could not be written. */
    static final class ExportFileException extends IOException {
        ExportFileException(Path file, String why) {
            super("cannot write " + file + ": " + why);
        }
    }
}
