package com.example.hublinks.catalog;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed delivery as the receiver stores it in {@code webhook_event}: its type, update type and
 * eduMe's timestamp, whichever level it is. Course-level events ({@link WebhookEvent}) update the
 * catalog on a {@code catalog.source: webhooks} night; learner-level ones ({@link LearnerEvent})
 * are kept for the reminders and never touch the catalog.
 */
public record WebhookDelivery(String type, String updateType, Instant timestamp, String about) {

    /** Reads a webhook body; one that is no eduMe course or learner event is an {@link IllegalArgumentException} saying why. */
    public static WebhookDelivery parse(JsonMapper json, byte[] body) {
        JsonNode root = WebhookEvent.envelope(json, body);
        if (WebhookEvent.text(root, "type").startsWith(LearnerEvent.TYPE_PREFIX)) {
            LearnerEvent event = LearnerEvent.of(root);
            return new WebhookDelivery(event.type(), null, event.timestamp(), event.kind()
                    + (event.courseId() == null ? "" : " for course " + event.courseId()));
        }
        WebhookEvent event = WebhookEvent.of(root);
        return new WebhookDelivery(event.type(), event.updateType(), event.timestamp(),
                event.kind() + " for course " + event.courseId());
    }
}
