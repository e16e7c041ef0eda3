package com.example.hublinks.link;

import java.util.List;

/**
 * What {@link LinkVerifier} found in a link: its parts as far as they could be read, and the
 * problems that make it unusable. A link is good when it has no problems.
 */
public record LinkInspection(LinkKind kind, String targetId, List<Long> teams, String externalUserId,
                             List<String> problems) {

    public LinkInspection {
        teams = List.copyOf(teams);
        problems = List.copyOf(problems);
    }

    public boolean good() {
        return problems.isEmpty();
    }
}
