package com.example.hublinks.catalog;

import com.example.hublinks.HublinksProperties;
import com.example.hublinks.SettingsException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Step {@code refreshCatalog}: fetches groups, teams and courses and stores them in the catalog tables. */
@Component
public class RefreshCatalogTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RefreshCatalogTasklet.class);

    private final HublinksProperties.Catalog settings;
    private final CatalogRepository repository;
    private final JsonMapper json;
    private final Clock clock;

    public RefreshCatalogTasklet(HublinksProperties properties, CatalogRepository repository, JsonMapper json, Clock clock) {
        this.settings = properties.catalog();
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        switch (settings.source()) {
            case FILE -> {
                if (settings.file() == null) {
                    throw new SettingsException("hublinks.catalog.file", "is required when hublinks.catalog.source is file");
                }
                CatalogSnapshot snapshot = new SnapshotDirectory(settings.file(), json).read();
                repository.store(snapshot, "file", clock.instant());
                log.info("Catalog refreshed from snapshot {}: {} groups, {} teams, {} courses", settings.file(),
                        snapshot.groups().size(), snapshot.teams().size(), snapshot.courses().size());
            }
            default -> throw new SettingsException("hublinks.catalog.source",
                    settings.source().name().toLowerCase() + " is not available in this build; use file");
        }
        return RepeatStatus.FINISHED;
    }
}
