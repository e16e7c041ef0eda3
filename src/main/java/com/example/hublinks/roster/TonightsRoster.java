package com.example.hublinks.roster;

import com.example.hublinks.support.JobSettings;
import com.example.hublinks.support.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.stereotype.Component;

/**
 * Tonight's roster, for the night and the dry run alike: HR's CSV file ({@code --roster FILE},
 * else {@code hublinks.roster.path}), or the roster database's query. Checked before a run
 * starts, read by importRoster.
 */
@Component
public class TonightsRoster {

    private final RosterSettings settings;
    private final int pageSize;

    public TonightsRoster(RosterSettings settings, JobSettings job) {
        this.settings = settings;
        this.pageSize = job.chunkSize();
    }

    /**
     * The CSV file to read: {@code --roster}'s ({@code override}), else the setting's; null when
     * there is neither, or when the roster is read from HR's database.
     */
    public Path file(String override) {
        if (settings.source() != RosterSettings.Source.CSV) {
            return null;
        }
        return override != null ? Path.of(override) : settings.path();
    }

    /**
     * Before any work: the file is there, it is CSV text in the job's encoding, its header holds
     * the mapped columns. Problems are {@link SettingsException}s (exit 2, one line).
     */
    public void check(String override) {
        if (settings.source() != RosterSettings.Source.CSV) {
            return;
        }
        Path file = file(override);
        if (file == null) {
            throw new SettingsException("hublinks.roster.path", "no roster file: set it in the job definition or"
                    + " pass --roster FILE");
        }
        if (!Files.isRegularFile(file)) {
            throw new SettingsException(override != null ? "--roster" : "hublinks.roster.path",
                    "roster file " + file + " does not exist");
        }
        RosterCsvReader.preflight(file, settings); // not CSV, wrong encoding, missing column: exit 2 now
    }

    /** A new reader of the roster (the import opens one per pass). */
    public ItemStreamReader<RosterRow> reader(String override) {
        if (settings.source() == RosterSettings.Source.JDBC) {
            try { // the roster database's own connection, never the application's
                return new JdbcRosterReader(JdbcRosterReader.dataSource(settings.jdbc(), System::getenv), settings,
                        pageSize);
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the roster database: " + e.getMessage(), e);
            }
        }
        return new RosterCsvReader(file(override), settings);
    }
}
