package com.example.hublinks.catalog;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One course-level eduMe webhook (envelope {@code {type, payload, timestamp}}; samples in
 * shared/edume-api/webhooks/): what happened to which course of which group, and for
 * {@code course.updated} the update type and the teams it names.
 */
record WebhookEvent(String type, String updateType, Instant timestamp, Long groupId, long courseId,
                           String courseKey, String title, List<Long> teams) {

    public WebhookEvent {
        teams = List.copyOf(teams);
    }

    /** Reads a webhook body; a body that is not an eduMe course event is an {@link IllegalArgumentException} saying why. */
    public static WebhookEvent parse(JsonMapper json, byte[] body) {
        return of(envelope(json, body));
    }

    /** The course event an envelope ({@link #envelope}) holds. */
    static WebhookEvent of(JsonNode root) {
        JsonNode payload = root.path("payload");
        JsonNode course = payload.path("course");
        if (!course.path("courseId").canConvertToLong()) {
            throw new IllegalArgumentException("no 'payload.course.courseId'");
        }
        JsonNode group = payload.path("group").path("groupId");
        return new WebhookEvent(text(root, "type"), text(payload, "updateType"), timestamp(root),
                group.canConvertToLong() ? group.asLong() : null, course.path("courseId").asLong(),
                text(course, "courseKey"), text(course, "title"), teams(payload));
    }

    /** Any eduMe webhook's envelope {@code {type, payload, timestamp}}, checked for its type and timestamp. */
    static JsonNode envelope(JsonMapper json, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the body is not a JSON object");
        }
        if (text(root, "type") == null) {
            throw new IllegalArgumentException("no 'type'");
        }
        timestamp(root);
        return root;
    }

    static Instant timestamp(JsonNode root) {
        String stamp = text(root, "timestamp");
        try {
            return Instant.parse(stamp == null ? "" : stamp);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'timestamp' is not an ISO-8601 instant: " + stamp);
        }
    }

    static List<Long> teams(JsonNode payload) {
        List<Long> teams = new ArrayList<>();
        for (JsonNode team : payload.path("teams")) {
            if (team.path("teamId").canConvertToLong()) {
                teams.add(team.path("teamId").asLong());
            }
        }
        return teams;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }

    /** {@code course.updated/team.assigned}, or just the type when there is no update type. */
    public String kind() {
        return updateType == null ? type : type + "/" + updateType;
    }
}
