package com.example.hublinks.link;

import com.example.hublinks.support.SettingsException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code hublinks.links.*}: what each learner's seamless link opens, and where the signing secret is read from (never the secret itself). */
public record LinkSettings(@DefaultValue("https://learn.edume.com") String baseUrl,
                           @DefaultValue("dashboard") LinkKind kind, String hubId, List<Long> courses,
                           @DefaultValue("EDUME_SIGNING_SECRET") String secretEnv, Path secretFile) {
    public LinkSettings {
        courses = courses == null ? List.of() : List.copyOf(courses);
        if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
            throw new SettingsException("hublinks.links.base-url", "'" + baseUrl + "' must start with https://");
        }
        if (kind == LinkKind.KNOWLEDGE_HUB && (hubId == null || hubId.isBlank())) {
            throw new SettingsException("hublinks.links.hub-id", "is required when hublinks.links.kind is knowledge-hub");
        }
        if (kind == LinkKind.COURSE && courses.isEmpty()) {
            throw new SettingsException("hublinks.links.courses", "list the course ids when hublinks.links.kind"
                    + " is course: without them no learner would get a link");
        }
        if (kind.needsTarget() && kind != LinkKind.KNOWLEDGE_HUB && kind != LinkKind.COURSE) {
            throw new SettingsException("hublinks.links.kind",
                    kind.settingName() + " links are per item: use 'sign --kind " + kind.settingName()
                            + " --target ID'; the nightly job signs dashboard, knowledge-hub or course links");
        }
    }
}
