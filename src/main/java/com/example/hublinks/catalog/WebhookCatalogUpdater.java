package com.example.hublinks.catalog;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the stored, not yet applied webhook events onto the stored catalog, in the order they
 * happened at eduMe ({@code catalog.source: webhooks}). ASSUMED meanings: {@code course.added}
 * makes a course available (published) to the teams it lists; {@code team.assigned} /
 * {@code team.removed} change its teams; a course no webhook gave teams to is assigned to every
 * team of its group. Teams and groups themselves come from the API or a snapshot.
 */
@Component
class WebhookCatalogUpdater {

    private static final Logger log = LoggerFactory.getLogger(WebhookCatalogUpdater.class);

    private final WebhookEventRepository events;
    private final CatalogRepository catalog;
    private final JsonMapper json;

    public WebhookCatalogUpdater(WebhookEventRepository events, CatalogRepository catalog, JsonMapper json) {
        this.events = events;
        this.catalog = catalog;
        this.json = json;
    }

    /** Applies every pending event; returns how many were applied. */
    public int applyPending(Instant now) {
        List<WebhookEventRepository.Pending> pending = events.pending();
        for (WebhookEventRepository.Pending event : pending) {
            apply(WebhookEvent.parse(json, event.body()), now);
            events.markApplied(event.eventId(), now);
        }
        return pending.size();
    }

    void apply(WebhookEvent e, Instant at) {
        long id = e.courseId();
        boolean known = switch (e.kind()) {
            case "course.added" -> {
                boolean stored = catalog.upsertCourse(id, e.groupId(), e.courseKey(), e.title(), true, true, at);
                catalog.clearTeams(id);
                catalog.assignTeams(id, e.teams(), true, at);
                yield stored;
            }
            case "course.published" -> catalog.upsertCourse(id, e.groupId(), e.courseKey(), e.title(), true, true, at);
            case "course.unpublished" -> catalog.upsertCourse(id, e.groupId(), e.courseKey(), e.title(), false, null, at);
            case "course.deleted" -> catalog.upsertCourse(id, e.groupId(), e.courseKey(), e.title(), null, false, at);
            case "course.updated/title.changed" -> catalog.upsertCourse(id, e.groupId(), null, e.title(), null, null, at);
            case "course.updated/team.assigned", "course.updated/team.removed" -> {
                boolean stored = catalog.upsertCourse(id, e.groupId(), e.courseKey(), null, null, null, at);
                if (stored && !catalog.hasExplicitTeams(id)) {
                    catalog.assignTeams(id, catalog.groupTeamsOf(id), true, at); // until now: all teams of its group
                }
                catalog.assignTeams(id, e.teams(), e.kind().endsWith("assigned"), at);
                yield stored;
            }
            default -> {
                log.warn("Webhook {} ({}) is not a course event hublinks knows; ignored", e.kind(), e.timestamp());
                yield true;
            }
        };
        if (!known) {
            log.warn("Webhook {} names course {}, which the catalog does not hold, without its group; ignored",
                    e.kind(), id);
        }
    }
}
