package com.example.hublinks.catalog;

import com.example.hublinks.support.SettingsException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step {@code refreshCatalog}: groups, teams and courses into the catalog tables, from a snapshot
 * directory, eduMe's Public API, or the webhook events received since the last night. When the API
 * is down and {@code catalog.api.on-failure} is {@code use-last}, the night goes on with the
 * stored catalog and the refresh is recorded as stale, dated by the last good refresh.
 */
@Component
public class RefreshCatalogTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RefreshCatalogTasklet.class);

    private final CatalogSettings settings;
    private final CatalogRepository repository;
    private final ObjectProvider<EdumeApiClient> api;
    private final WebhookCatalogUpdater webhooks;
    private final JsonMapper json;
    private final Clock clock;

    public RefreshCatalogTasklet(CatalogSettings settings, CatalogRepository repository,
                                 ObjectProvider<EdumeApiClient> api, WebhookCatalogUpdater webhooks, JsonMapper json,
                                 Clock clock) {
        this.settings = settings;
        this.repository = repository;
        this.api = api;
        this.webhooks = webhooks;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        switch (settings.source()) {
            case FILE -> fromSnapshot();
            case API -> fromApi();
            case WEBHOOKS -> fromWebhooks();
        }
        return RepeatStatus.FINISHED;
    }

    private void fromSnapshot() {
        if (settings.file() == null) {
            throw new SettingsException("hublinks.catalog.file", "is required when hublinks.catalog.source is file");
        }
        CatalogSnapshot snapshot = new SnapshotDirectory(settings.file(), json).read();
        repository.store(snapshot, "file", clock.instant());
        log.info("Catalog refreshed from snapshot {}: {} groups, {} teams, {} courses", settings.file(),
                snapshot.groups().size(), snapshot.teams().size(), snapshot.courses().size());
    }

    private void fromApi() {
        EdumeApiClient client = api.getObject();
        Instant now = clock.instant();
        CatalogSnapshot snapshot;
        try {
            snapshot = client.fetchCatalog().toSnapshot();
        } catch (EdumeApiException outage) {
            useLast(outage, now);
            return;
        }
        repository.store(snapshot, "api", now);
        log.info("Catalog refreshed from the eduMe API at {}: {} groups, {} teams, {} courses",
                settings.api().baseUrl(), snapshot.groups().size(), snapshot.teams().size(), snapshot.courses().size());
    }

    private void useLast(EdumeApiException outage, Instant now) {
        if (settings.api().onFailure() == CatalogSettings.OnFailure.FAIL) {
            throw new EdumeApiException(outage.getMessage() + " (hublinks.catalog.api.on-failure: fail)");
        }
        var lastGood = repository.lastGoodRefresh().filter(r -> repository.hasCatalog());
        if (lastGood.isEmpty()) {
            throw new EdumeApiException(outage.getMessage() + "; no earlier night stored a catalog to fall back on");
        }
        Instant since = lastGood.get().refreshedAt();
        repository.recordRefresh("api", since, true, "eduMe API unavailable at " + now + ": " + outage.getMessage());
        log.warn("{}; the night goes on with the catalog stored at {} (hublinks.catalog.api.on-failure: use-last)",
                outage.getMessage(), since);
    }

    private void fromWebhooks() {
        if (!repository.hasCatalog()) {
            throw new SettingsException("hublinks.catalog.source", "webhooks update a stored catalog and none is stored"
                    + " yet: run one night with hublinks.catalog.source api or file first");
        }
        Instant now = clock.instant();
        int applied = webhooks.applyPending(now);
        repository.recordRefresh("webhooks", now, false, applied + " webhook event(s) applied");
        log.info("Catalog updated from {} webhook event(s)", applied);
    }
}
