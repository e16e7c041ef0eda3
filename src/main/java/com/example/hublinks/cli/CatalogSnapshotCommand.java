package com.example.hublinks.cli;

import com.example.hublinks.catalog.CatalogSnapshot;
import com.example.hublinks.catalog.EdumeApiClient;
import com.example.hublinks.catalog.SnapshotDirectory;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code hublinks catalog-snapshot jobs/NAME.yml DIR}: saves eduMe's API answers (groups.json,
 * group-{id}.json, courses-{id}.json) so that a night can run offline with {@code catalog.source: file}.
 */
@Command(name = "catalog-snapshot", description = "Save the eduMe API's groups, teams and courses as a snapshot"
        + " directory that hublinks.catalog.source: file replays offline.")
class CatalogSnapshotCommand extends JobCommand {

    @Parameters(index = "1", paramLabel = "DIR", description = "Directory to write the snapshot to")
    Path directory;

    @Override
    int run(ConfigurableApplicationContext context) {
        CatalogSnapshot saved = new SnapshotDirectory(directory, context.getBean(JsonMapper.class))
                .saveFrom(context.getBean(EdumeApiClient.class));
        commandLine().getOut().println("hublinks: catalog snapshot written to " + directory + ": "
                + saved.groups().size() + " groups, " + saved.teams().size() + " teams, " + saved.courses().size()
                + " courses; use it with --hublinks.catalog.source=file --hublinks.catalog.file=" + directory);
        return 0;
    }
}
