package com.example.hublinks.catalog;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One learner-level eduMe webhook ({@code learner.added}, {@code learner.activated},
 * {@code learner.activity.started}, {@code learner.activity.finished}, {@code learner.course.completed};
 * samples in shared/edume-api/webhooks/learner/). eduMe documents only the envelope and the type
 * names: every payload field read here is ASSUMED, so each may be missing (null) and unknown
 * fields are ignored. A standalone survey, for one, names no course.
 */
public record LearnerEvent(String type, Instant timestamp, String externalUserId, Long courseId, String activityType,
                           List<Long> teams) {

    public static final String TYPE_PREFIX = "learner.";

    public LearnerEvent {
        teams = List.copyOf(teams);
    }

    /** A stored learner-level body; one that is not (no payload object, say) is an {@link IllegalArgumentException} saying why. */
    public static LearnerEvent parse(JsonMapper json, byte[] body) {
        return of(WebhookEvent.envelope(json, body));
    }

    /** The learner event an envelope holds; only a payload that is not a JSON object is refused. */
    static LearnerEvent of(JsonNode root) {
        JsonNode payload = root.path("payload");
        if (!payload.isObject()) {
            throw new IllegalArgumentException("no 'payload' object");
        }
        JsonNode course = payload.path("course").path("courseId");
        return new LearnerEvent(WebhookEvent.text(root, "type"), WebhookEvent.timestamp(root),
                WebhookEvent.text(payload.path("learner"), "externalUserId"),
                course.canConvertToLong() ? course.asLong() : null, WebhookEvent.text(payload, "activityType"),
                WebhookEvent.teams(payload));
    }

    /** {@code learner.activity.finished/lesson}, or just the type when the event names no activity type. */
    public String kind() {
        return activityType == null ? type : type + "/" + activityType;
    }
}
