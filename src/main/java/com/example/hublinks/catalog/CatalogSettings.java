package com.example.hublinks.catalog;

import com.example.hublinks.support.SettingsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code hublinks.catalog.*}: where eduMe's teams and courses come from (eduMe's API, a snapshot file or its webhooks) and the roster's team names mapped to team ids. */
public record CatalogSettings(@DefaultValue("file") Source source, Path file, @DefaultValue Api api,
                              Map<String, Long> teams, @DefaultValue Webhooks webhooks) {
    public CatalogSettings {
        teams = teams == null ? Map.of() : Map.copyOf(teams);
    }

    public enum Source { API, FILE, WEBHOOKS }

    public enum OnFailure { USE_LAST, FAIL }

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
}
