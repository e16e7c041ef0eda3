package com.example.hublinks.link;

import java.util.List;

/**
 * Builds the URL that gets signed (DESIGN §1), before {@code &sig=}:
 * {@code {base}/e/d/?g={teams}&e={user}}, {@code {base}/e/kh/{hubId}?e={user}},
 * {@code {base}/e/c/{courseId}?g={teams}&e={user}} and the same for module, lesson, survey, guide.
 */
public final class LinkFormat {

    private final String baseUrl;

    public LinkFormat(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String unsignedUrl(LinkTarget target, String externalUserId) {
        LinkKind kind = target.kind();
        StringBuilder url = new StringBuilder(baseUrl.length() + 64).append(baseUrl).append("/e/").append(kind.pathCode());
        if (kind == LinkKind.DASHBOARD) {
            url.append("/?");
        } else {
            url.append('/').append(UriComponent.encode(target.targetId())).append('?');
        }
        if (kind.needsTeams()) {
            url.append("g=");
            appendTeams(url, target.teams());
            url.append('&');
        }
        return url.append("e=").append(UriComponent.encode(externalUserId)).toString();
    }

    private static void appendTeams(StringBuilder url, List<Long> teams) {
        for (int i = 0; i < teams.size(); i++) {
            if (i > 0) {
                url.append(',');
            }
            url.append(teams.get(i));
        }
    }
}
