package com.example.hublinks.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads the roster a chunk ahead on a thread of its own, so that parsing the file (one core)
 * overlaps the fingerprints and validation of the chunk before it (every core). A reader's
 * failure (a file that is not in its encoding, a broken quote) reaches the import with the next
 * chunk it asks for. The reader is used by this thread alone until {@link #close}.
 */
final class RowPrefetch implements AutoCloseable {

    private static final Object END = new Object();

    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(2);
    private final Thread thread;

    RowPrefetch(ItemReader<RosterRow> reader, int chunkSize) {
        thread = new Thread(() -> {
            try {
                while (true) {
                    List<RosterRow> rows = new ArrayList<>(chunkSize);
                    RosterRow row;
                    while (rows.size() < chunkSize && (row = reader.read()) != null) {
                        rows.add(row);
                    }
                    if (!rows.isEmpty()) {
                        chunks.put(rows);
                    }
                    if (rows.size() < chunkSize) {
                        chunks.put(END);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // closed: the import stopped or failed
            } catch (Exception | Error e) {
                chunks.clear();
                chunks.offer(e);
            }
        }, "roster-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next chunk of rows in file order, or null after the last. */
    @SuppressWarnings("unchecked")
    List<RosterRow> next() throws Exception {
        Object next = chunks.take();
        if (next == END) {
            chunks.put(END); // asked again: still the end
            return null;
        }
        if (next instanceof Exception e) {
            throw e;
        }
        if (next instanceof Error e) {
            throw e;
        }
        return (List<RosterRow>) next;
    }

    /** Stops reading ahead and waits for the thread, so that the reader may be closed. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
