package com.example.hublinks;

import com.example.hublinks.link.LinkKind;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of one nightly job (DESIGN §5), bound from the job definition
 * ({@code jobs/NAME.yml}), {@code --key=value} arguments and {@code HUBLINKS_*} variables.
 * Unknown keys are refused so that a typo fails the start with the key's name instead of being
 * silently ignored. Secrets are never settings: only the names of the variables or files holding them.
 */
@ConfigurationProperties(prefix = "hublinks", ignoreUnknownFields = false)
public record HublinksProperties(@DefaultValue Job job, @DefaultValue Roster roster, @DefaultValue Catalog catalog,
                                 @DefaultValue Links links, @DefaultValue Guard guard,
                                 @DefaultValue Campaign campaign, @DefaultValue Scale scale) {

    public record Job(@DefaultValue("hublinks") String name, @DefaultValue("UTC") ZoneId zone) {
        public Job {
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new SettingsException("hublinks.job.name",
                        "'" + name + "' must be letters, digits, '.', '_' or '-' (it names the output folder)");
            }
        }
    }

    public enum RosterSource { CSV, JDBC }

    public record Roster(@DefaultValue("csv") RosterSource source, Path path, @DefaultValue("auto") String delimiter,
                         @DefaultValue("UTF-8") Charset encoding, @DefaultValue("GB") String defaultRegion,
                         @DefaultValue Columns columns, @DefaultValue Jdbc jdbc) {
        public Roster {
            if (!List.of("auto", ",", ";", "\\t", "tab").contains(delimiter)) {
                throw new SettingsException("hublinks.roster.delimiter", "'" + delimiter + "' must be auto, \",\" or \";\"");
            }
        }
    }

    /** Roster column names (header cells) for each learner field. */
    public record Columns(@DefaultValue("external_user_id") String externalUserId,
                          @DefaultValue("first_name") String firstName, @DefaultValue("last_name") String lastName,
                          @DefaultValue("email") String email, @DefaultValue("phone") String phone,
                          @DefaultValue("team") String team, @DefaultValue("locale") String locale) {
    }

    public record Jdbc(String url, String username, String passwordEnv, String query) {
    }

    public enum CatalogSource { API, FILE, WEBHOOKS }

    public enum OnFailure { USE_LAST, FAIL }

    public record Catalog(@DefaultValue("file") CatalogSource source, Path file, @DefaultValue Api api,
                          Map<String, Long> teams) {
        public Catalog {
            teams = teams == null ? Map.of() : Map.copyOf(teams);
        }
    }

    public record Api(@DefaultValue("https://api.edume.com") String baseUrl,
                      @DefaultValue("EDUME_API_KEY") String keyEnv,
                      @DefaultValue("use-last") OnFailure onFailure) {
    }

    public record Links(@DefaultValue("https://learn.edume.com") String baseUrl,
                        @DefaultValue("dashboard") LinkKind kind, String hubId, List<Long> courses,
                        @DefaultValue("EDUME_SIGNING_SECRET") String secretEnv, Path secretFile) {
        public Links {
            courses = courses == null ? List.of() : List.copyOf(courses);
            if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
                throw new SettingsException("hublinks.links.base-url", "'" + baseUrl + "' must start with https://");
            }
            if (kind == LinkKind.KNOWLEDGE_HUB && (hubId == null || hubId.isBlank())) {
                throw new SettingsException("hublinks.links.hub-id", "is required when hublinks.links.kind is knowledge-hub");
            }
            if (kind.needsTarget() && kind != LinkKind.KNOWLEDGE_HUB && kind != LinkKind.COURSE) {
                throw new SettingsException("hublinks.links.kind",
                        kind.settingName() + " links are per item: use 'sign --kind " + kind.settingName()
                                + " --target ID'; the nightly job signs dashboard, knowledge-hub or course links");
            }
        }
    }

    public record Guard(@DefaultValue("1") int minRows, @DefaultValue("0.2") double maxShrink,
                        @DefaultValue("0.05") double maxRejectShare) {
        public Guard {
            if (minRows < 0) {
                throw new SettingsException("hublinks.guard.min-rows", "must be 0 or more, was " + minRows);
            }
            if (maxShrink < 0 || maxShrink > 1) {
                throw new SettingsException("hublinks.guard.max-shrink", "must be between 0 and 1, was " + maxShrink);
            }
            if (maxRejectShare < 0 || maxRejectShare > 1) {
                throw new SettingsException("hublinks.guard.max-reject-share", "must be between 0 and 1, was " + maxRejectShare);
            }
        }
    }

    public enum Audience { ALL, NEW, CHANGED }

    public record Campaign(@DefaultValue("changed") Audience audience, @DefaultValue("out") Path outDir,
                           @DefaultValue Email email, @DefaultValue Sms sms, @DefaultValue Inapp inapp) {
    }

    public record Email(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean send,
                        @DefaultValue("learning@example.com") String from,
                        @DefaultValue("Your eduMe training link") String subject) {
    }

    public record Sms(@DefaultValue("true") boolean enabled,
                      @DefaultValue("Hi {first_name}, your training: {link}") String message) {
    }

    public record Inapp(@DefaultValue("true") boolean enabled) {
    }

    /**
     * How a night uses the machine: {@code partitions} threads sign links, each on its own range of
     * user ids (0: one per core); {@code chunk-size} items per transaction (chosen by measurement).
     */
    public record Scale(@DefaultValue("0") int partitions, @DefaultValue("1000") int chunkSize) {
        public Scale {
            if (partitions < 0 || partitions > 64) {
                throw new SettingsException("hublinks.scale.partitions", "must be between 0 (one per core) and 64, was "
                        + partitions);
            }
            if (chunkSize < 1 || chunkSize > 100_000) {
                throw new SettingsException("hublinks.scale.chunk-size", "must be between 1 and 100000, was " + chunkSize);
            }
        }

        /**
         * Partitions of {@code signLinks}: the setting, or one per core. Each partition holds two
         * connections (its chunk transaction and its streaming read), the job repository one more.
         */
        public int gridSize(int poolSize) {
            int fits = Math.max(1, (poolSize - 2) / 2);
            if (partitions > fits) {
                throw new SettingsException("hublinks.scale.partitions", partitions + " partitions need "
                        + (2 * partitions + 2) + " connections; raise spring.datasource.hikari.maximum-pool-size (now "
                        + poolSize + ")");
            }
            return partitions > 0 ? partitions : Math.min(Runtime.getRuntime().availableProcessors(), fits);
        }
    }
}
