package com.example.hublinks;

import com.example.hublinks.link.LinkKind;
import com.example.hublinks.reminder.ReminderSettings;
import com.example.hublinks.support.SettingsException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of one nightly job (DESIGN §5), bound from the job definition
 * ({@code jobs/NAME.yml}), {@code --key=value} arguments and {@code HUBLINKS_*} variables.
 * Unknown keys are refused so that a typo fails the start with the key's name instead of being
 * silently ignored. Secrets are never settings: only the names of the variables or files holding them.
 */
@ConfigurationProperties(prefix = "hublinks", ignoreUnknownFields = false)
public record HublinksProperties(@DefaultValue Job job, @DefaultValue Roster roster, @DefaultValue Catalog catalog,
                                 @DefaultValue Links links, @DefaultValue Guard guard,
                                 @DefaultValue Campaign campaign, @DefaultValue Ops ops, @DefaultValue Scale scale,
                                 @DefaultValue Serve serve, @DefaultValue ReminderSettings reminders) {

    public record Job(@DefaultValue("hublinks") String name, @DefaultValue("UTC") ZoneId zone,
                      @DefaultValue("1000") int chunkSize) {
        public Job {
            if (chunkSize < 1) {
                throw new SettingsException("hublinks.job.chunk-size", "must be 1 or more, was " + chunkSize);
            }
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
                          Map<String, Long> teams, @DefaultValue Webhooks webhooks) {
        public Catalog {
            teams = teams == null ? Map.of() : Map.copyOf(teams);
        }
    }

    /**
     * eduMe's Public API (DESIGN §3). Paths are ASSUMED, hence settings. Retries: at most
     * {@code max-attempts} calls, waiting {@code backoff} × 2ⁿ with jitter (or what {@code Retry-After}
     * says), never more than {@code max-backoff}.
     */
    public record Api(@DefaultValue("https://api.edume.com") String baseUrl,
                      @DefaultValue("EDUME_API_KEY") String keyEnv,
                      @DefaultValue("use-last") OnFailure onFailure,
                      @DefaultValue("/public/groups") String groupsPath,
                      @DefaultValue("/public/courses") String coursesPath,
                      @DefaultValue("100") int pageSize,
                      @DefaultValue("5s") Duration connectTimeout,
                      @DefaultValue("30s") Duration readTimeout,
                      @DefaultValue("5") int maxAttempts,
                      @DefaultValue("500ms") Duration backoff,
                      @DefaultValue("60s") Duration maxBackoff) {
        public Api {
            if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
                throw new SettingsException("hublinks.catalog.api.base-url", "'" + baseUrl + "' must start with https://");
            }
            if (!groupsPath.startsWith("/") || !coursesPath.startsWith("/")) {
                throw new SettingsException("hublinks.catalog.api." + (groupsPath.startsWith("/") ? "courses-path" : "groups-path"),
                        "must start with /");
            }
            if (pageSize < 1) {
                throw new SettingsException("hublinks.catalog.api.page-size", "must be 1 or more, was " + pageSize);
            }
            if (maxAttempts < 1) {
                throw new SettingsException("hublinks.catalog.api.max-attempts", "must be 1 or more, was " + maxAttempts);
            }
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new SettingsException("hublinks.catalog.api.connect-timeout", "must be more than 0");
            }
            if (readTimeout.isNegative() || readTimeout.isZero()) {
                throw new SettingsException("hublinks.catalog.api.read-timeout", "must be more than 0");
            }
            if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
                throw new SettingsException("hublinks.catalog.api.max-backoff", "must be at least hublinks.catalog.api.backoff");
            }
        }
    }

    /**
     * The webhook receiver ({@code POST /webhooks/edume} of {@code hublinks serve} and {@code hublinks
     * webhooks}): eduMe's course and learner events, signed with a shared secret ({@code secret-env}),
     * or carrying the bearer token the environment variable {@code token-env} holds (optional).
     */
    public record Webhooks(@DefaultValue("EDUME_WEBHOOK_SECRET") String secretEnv, String tokenEnv,
                           @DefaultValue("8080") int port,
                           @DefaultValue("65536") int maxBodyBytes) {
        public Webhooks {
            if (port < 0 || port > 65535) {
                throw new SettingsException("hublinks.catalog.webhooks.port", "must be between 0 and 65535, was " + port);
            }
            if (maxBodyBytes < 1 || maxBodyBytes > 1_000_000) {
                throw new SettingsException("hublinks.catalog.webhooks.max-body-bytes",
                        "must be between 1 and 1000000, was " + maxBodyBytes);
            }
        }
    }

    /**
     * {@code hublinks serve}: the web process for HR (upload page, nights) and eduMe's webhooks.
     * Users and their roles come from {@code users-file} ({@code hublinks user add}); an upload
     * larger than {@code max-upload} is refused.
     */
    public record Serve(@DefaultValue("8080") int port, Path usersFile, @DefaultValue("200MB") DataSize maxUpload) {
        public Serve {
            if (port < 0 || port > 65535) {
                throw new SettingsException("hublinks.serve.port", "must be between 0 and 65535, was " + port);
            }
            if (maxUpload.toBytes() < 1) {
                throw new SettingsException("hublinks.serve.max-upload", "must be more than 0, was " + maxUpload);
            }
        }
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

    /**
     * email.csv and, with {@code send: true}, delivery over SMTP ({@code spring.mail.*}). The
     * subject and the two templates are Mustache ({@code {{first_name}}}, {@code {{link}}}…);
     * without a template path the built-in ones under {@code templates/} are used.
     */
    public record Email(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean send,
                        @DefaultValue("learning@example.com") String from,
                        @DefaultValue("Your eduMe training link") String subject,
                        @DefaultValue("false") boolean excelBom,
                        Path htmlTemplate, Path textTemplate,
                        @DefaultValue("10") double ratePerSecond,
                        @DefaultValue("3") int maxAttempts,
                        @DefaultValue("2s") Duration retryBackoff) {
        public Email {
            if (!(ratePerSecond > 0)) {
                throw new SettingsException("hublinks.campaign.email.rate-per-second", "must be more than 0, was " + ratePerSecond);
            }
            if (maxAttempts < 1) {
                throw new SettingsException("hublinks.campaign.email.max-attempts", "must be 1 or more, was " + maxAttempts);
            }
            if (retryBackoff.isNegative()) {
                throw new SettingsException("hublinks.campaign.email.retry-backoff", "must not be negative, was " + retryBackoff);
            }
            for (Path template : new Path[] {htmlTemplate, textTemplate}) {
                if (template != null && !Files.isRegularFile(template)) {
                    throw new SettingsException(template == htmlTemplate ? "hublinks.campaign.email.html-template"
                            : "hublinks.campaign.email.text-template", "template file " + template + " does not exist");
                }
            }
        }
    }

    public record Sms(@DefaultValue("true") boolean enabled,
                      @DefaultValue("Hi {first_name}, your training: {link}") String message) {
    }

    public record Inapp(@DefaultValue("true") boolean enabled) {
    }

    /**
     * Running unattended: the run lock's lease (a lock whose heartbeat is older is taken over),
     * how often the heartbeat is refreshed, how often a running step logs its progress, and how long
     * a SIGTERM waits for the night to stop at a chunk boundary before the process exits anyway.
     */
    public record Ops(@DefaultValue("60s") Duration lockLease, @DefaultValue("10s") Duration heartbeat,
                      @DefaultValue("5s") Duration progressEvery, @DefaultValue("20s") Duration stopTimeout) {
        public Ops {
            if (stopTimeout.isNegative()) {
                throw new SettingsException("hublinks.ops.stop-timeout", "must not be negative, was " + stopTimeout);
            }
            if (heartbeat.isZero() || heartbeat.isNegative() || heartbeat.compareTo(lockLease) >= 0) {
                throw new SettingsException("hublinks.ops.heartbeat", "must be positive and shorter than"
                        + " hublinks.ops.lock-lease (" + lockLease + "), was " + heartbeat);
            }
            if (progressEvery.isNegative()) {
                throw new SettingsException("hublinks.ops.progress-every", "must not be negative, was " + progressEvery);
            }
        }
    }

    public enum ScaleMode { LOCAL, REMOTE }

    /**
     * How a night uses the machine: {@code partitions} threads sign links, each on its own range of
     * user ids (0: one per core). Items per transaction are {@code job.chunk-size}. With {@code mode:
     * remote} the partitions are sent to {@code hublinks worker} processes over the shared PostgreSQL
     * instead (remote partitioning): {@code poll-interval} is how often the manager checks their
     * progress and an idle worker looks for work; after {@code timeout} the manager fails the night.
     */
    /**
     * @param rosterMemory how much memory importRoster may hold the stored learners in; a roster
     *                     with more learners than fit (about 2.4 million in 64MB) is read in passes
     */
    public record Scale(@DefaultValue("0") int partitions, @DefaultValue("local") ScaleMode mode,
                        @DefaultValue("1s") Duration pollInterval, @DefaultValue("6h") Duration timeout,
                        @DefaultValue("64MB") DataSize rosterMemory) {
        public Scale {
            if (rosterMemory.toBytes() < 1024) {
                throw new SettingsException("hublinks.scale.roster-memory", "must be at least 1KB, was " + rosterMemory);
            }
            if (partitions < 0 || partitions > 64) {
                throw new SettingsException("hublinks.scale.partitions", "must be between 0 (one per core) and 64, was "
                        + partitions);
            }
            if (pollInterval.isZero() || pollInterval.isNegative()) {
                throw new SettingsException("hublinks.scale.poll-interval", "must be more than 0, was " + pollInterval);
            }
            if (timeout.compareTo(pollInterval) < 0) {
                throw new SettingsException("hublinks.scale.timeout", "must be at least hublinks.scale.poll-interval ("
                        + pollInterval + "), was " + timeout);
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
