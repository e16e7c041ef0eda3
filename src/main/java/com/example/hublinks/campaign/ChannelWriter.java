package com.example.hublinks.campaign;

import com.example.hublinks.support.OutputDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Passes to one channel's file writer only the rows that channel can reach (an email for email.csv…;
 * the campaign's rows, or the reminders' of the {@code reminder} package).
 * The file's part is created owner-only before its writer opens it, so that no byte of it is ever
 * readable by others; and a chunk whose lines the file cannot take at commit (a full disk) names
 * the file in the step's failure ({@link FlushWatch}).
 */
public class ChannelWriter<T> implements ItemStreamWriter<T> {

    private final Predicate<T> reachable;
    private final ItemStreamWriter<T> file;
    private final OutputDirectory out;
    private final String name;
    private final String restartKey;

    /**
     * @param restartKey the key of the file writer's saved position in the step's context: when it is
     *                   there the writer resumes the part it wrote before, else it starts a new one
     */
    public ChannelWriter(Predicate<T> reachable, ItemStreamWriter<T> file, OutputDirectory out,
                         String name, String restartKey) {
        this.reachable = reachable;
        this.file = file;
        this.out = out;
        this.name = name;
        this.restartKey = restartKey;
    }

    @Override
    public void write(Chunk<? extends T> chunk) throws Exception {
        Chunk<T> selected = new Chunk<>();
        for (T row : chunk) {
            if (reachable.test(row)) {
                selected.add(row);
            }
        }
        FlushWatch.around(this, out.part(name), () -> file.write(selected));
    }

    @Override
    public void open(ExecutionContext context) {
        if (!context.containsKey(restartKey)) {
            try {
                out.newPart(name);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + out.part(name), e);
            }
        }
        file.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        file.update(context);
    }

    @Override
    public void close() {
        file.close();
    }
}
