package com.example.hublinks.link;

import java.util.List;
import java.util.Objects;

/**
 * What one seamless link points at, for one learner: the kind, the content id (a course,
 * module, hub… or empty for the team dashboard) and the teams the learner joins on first click.
 */
public record LinkTarget(LinkKind kind, String targetId, List<Long> teams) {

    public LinkTarget {
        Objects.requireNonNull(kind, "kind");
        targetId = targetId == null ? "" : targetId;
        teams = List.copyOf(teams);
        if (kind.needsTarget() && targetId.isBlank()) {
            throw new IllegalArgumentException("a " + kind.settingName() + " link needs a target id");
        }
        if (kind.needsTeams() && teams.isEmpty()) {
            throw new IllegalArgumentException("a " + kind.settingName() + " link needs at least one team");
        }
    }

    public static LinkTarget dashboard(List<Long> teams) {
        return new LinkTarget(LinkKind.DASHBOARD, "", teams);
    }
}
