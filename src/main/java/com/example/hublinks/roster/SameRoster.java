package com.example.hublinks.roster;

import com.example.hublinks.support.OutputDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The night whose roster file is the very file the last published night read, under the same
 * catalog, settings and key: every row would be unchanged, every reject and warning the same. Such
 * a night (HR upload weekly, the job runs nightly) reads no row at all: it takes the tally and the
 * rejects and warnings files of that night. Only when that night was the last to write the stored
 * learners ({@link LastPublished}); a rerun or a resumed night always reads the file.
 */
public final class SameRoster {

    /** The night that last wrote the stored learners, if it completed: its tally, live links and folder. */
    public record LastNight(String runDate, ImportTally tally, long liveLinks, OutputDirectory folder) {
    }

    /** Finds the last published night; the job feature knows where nights are kept. */
    public interface LastPublished {
        Optional<LastNight> find();
    }

    private SameRoster() {
    }

    /**
     * Tonight's tally when tonight's roster file is the very one the last published night read
     * under the same context, with that night's rejects and warnings copied as tonight's; else empty.
     */
    static Optional<ImportTally> adopt(ImportTally.Roster tonight, LastPublished lastPublished, OutputDirectory out,
                                       String... files) {
        LastNight last = tonight.sha256() == null ? null : lastPublished.find().orElse(null);
        if (last == null || last.tally().roster() == null || !tonight.sha256().equals(last.tally().roster().sha256())
                || !tonight.context().equals(last.tally().roster().context())) {
            return Optional.empty();
        }
        for (String file : files) {
            if (!copy(last.folder(), file, out)) {
                return Optional.empty();
            }
        }
        return Optional.of(tonight(last));
    }

    /** {@code last}'s tally as tonight's: everyone it published is unchanged, nobody is staged or leaves. */
    static ImportTally tonight(LastNight last) {
        ImportTally was = last.tally();
        return new ImportTally(was.read(), was.rejected(), was.warnings(), was.usable(), last.liveLinks(), 0, 0,
                was.usable(), was.perTeam(), was.rejectReasons(), was.warningReasons(), was.firstRejects(),
                was.firstWarnings(), new ImportTally.Roster(was.roster().sha256(), was.roster().context(),
                        was.roster().unchangedSince() != null ? was.roster().unchangedSince() : last.runDate()),
                List.of());
    }

    /** A published file of that night, as tonight's part file (owner-only from the first byte). */
    static boolean copy(OutputDirectory from, String name, OutputDirectory to) {
        Path source = from.file(name);
        if (!Files.isRegularFile(source)) {
            return false;
        }
        try (FileChannel target = OutputDirectory.createOwnerOnly(to.create().part(name))) {
            Files.copy(source, Channels.newOutputStream(target));
            target.force(true);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + ": " + e.getMessage(), e);
        }
    }
}
