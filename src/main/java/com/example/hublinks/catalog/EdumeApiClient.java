package com.example.hublinks.catalog;

import com.example.hublinks.catalog.EdumeJson.CoursesPage;
import com.example.hublinks.catalog.EdumeJson.GroupJson;
import com.example.hublinks.catalog.EdumeJson.GroupsPage;
import com.example.hublinks.catalog.EdumeJson.Paged;
import com.example.hublinks.support.SettingsException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * eduMe's Public API (DESIGN §3, shapes ASSUMED in shared/edume-api/): the group list, each
 * group's teams, each group's courses, page by page until {@code total}. 429, 5xx and I/O errors
 * are retried with {@link Backoff}; 401/403 stop at once with a settings error naming the key's
 * variable; anything else unusable is an {@link EdumeApiException} naming the call. The API key
 * travels in {@code X-API-KEY} only: it is never logged nor put in a message.
 */
public class EdumeApiClient {

    private static final Logger log = LoggerFactory.getLogger(EdumeApiClient.class);
    private static final int QUOTED_BODY = 200;

    private final CatalogSettings.Api settings;
    private final String apiKey;
    private final JsonMapper json;
    private final RestClient http;
    private final Backoff backoff;

    public EdumeApiClient(CatalogSettings.Api settings, String apiKey, JsonMapper json) {
        this.settings = settings;
        this.apiKey = apiKey;
        this.json = json;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(settings.readTimeout());
        this.http = RestClient.builder().requestFactory(requests)
                .defaultHeader("X-API-KEY", apiKey)
                .defaultHeader("Accept", "application/json")
                .build();
        this.backoff = new Backoff(settings.backoff(), settings.maxBackoff());
    }

    /** Every group, its teams and its courses, as eduMe answered them. */
    CatalogAnswers fetchCatalog() {
        GroupsPage groups = GroupsPage.all(all(settings.groupsPath(), Map.of(), GroupsPage.class));
        Map<Long, GroupsPage> details = new HashMap<>();
        Map<Long, CoursesPage> courses = new HashMap<>();
        for (GroupJson group : groups.groups()) {
            Map<String, Object> ofGroup = Map.of("groupId", group.groupId());
            details.put(group.groupId(), GroupsPage.all(all(settings.groupsPath(), ofGroup, GroupsPage.class)));
            courses.put(group.groupId(), CoursesPage.all(all(settings.coursesPath(), ofGroup, CoursesPage.class)));
        }
        return new CatalogAnswers(groups, details, courses);
    }

    /** All items of a list call: page 1, 2… until as many items as {@code total} says (one page when it says nothing). */
    private <T, P extends Paged<T>> List<T> all(String path, Map<String, Object> query, Class<P> type) {
        List<T> items = new ArrayList<>();
        for (int page = 1; ; page++) {
            Map<String, Object> paged = new LinkedHashMap<>(query);
            paged.put("page", page);
            paged.put("pageSize", settings.pageSize());
            P answer = get(path, paged, type);
            items.addAll(answer.items());
            if (answer.total() == null || answer.items().isEmpty() || items.size() >= answer.total()) {
                return items;
            }
        }
    }

    private <P> P get(String path, Map<String, Object> query, Class<P> type) {
        String call = "GET " + path + "?" + query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(settings.baseUrl()).path(path);
        query.forEach(uri::queryParam);
        URI target = uri.build().toUri();
        for (int attempt = 1; ; attempt++) {
            String problem;
            Duration retryAfter = null;
            try {
                Answer answer = http.get().uri(target).exchange((request, response) -> new Answer(
                        response.getStatusCode().value(), response.getHeaders().getFirst("Retry-After"),
                        response.getBody().readAllBytes()));
                if (answer.status() / 100 == 2) {
                    return parse(answer, call, type);
                }
                failFast(answer, call, path);
                problem = "answered " + answer.status() + quote(answer);
                retryAfter = retryAfter(answer.retryAfter());
            } catch (ResourceAccessException e) {
                problem = e.getCause() instanceof HttpTimeoutException
                        ? "timed out (read timeout " + settings.readTimeout().toMillis() + " ms)"
                        : "could not be reached: " + redact(String.valueOf(e.getMostSpecificCause().getMessage()));
            } catch (RestClientException e) {
                throw new EdumeApiException("eduMe API call " + call + " failed: " + redact(e.getMessage()));
            }
            if (attempt >= settings.maxAttempts()) {
                throw new EdumeApiException("eduMe API call " + call + " " + problem + " (gave up after " + attempt
                        + (attempt == 1 ? " try)" : " tries)"));
            }
            Duration wait = backoff.delay(attempt, retryAfter);
            log.warn("eduMe API call {} {}; try {} of {} in {} ms", call, problem, attempt + 1, settings.maxAttempts(),
                    wait.toMillis());
            sleep(wait);
        }
    }

    /** 401/403 and 404 will not get better by trying again: they are settings to fix. Other 4xx: no retry either. */
    private void failFast(Answer answer, String call, String path) {
        int status = answer.status();
        if (status == 401 || status == 403) {
            throw new SettingsException(settings.keyEnv(), "eduMe refused the API key in " + settings.keyEnv() + ": "
                    + call + " answered " + status + quote(answer)
                    + (status == 403 ? " (a group-level key only sees its own group)" : ""));
        }
        if (status == 404) {
            String key = path.equals(settings.groupsPath()) ? "groups-path" : "courses-path";
            throw new SettingsException("hublinks.catalog.api." + key, "eduMe answered 404 to " + call + " at "
                    + settings.baseUrl() + "; check hublinks.catalog.api.base-url and hublinks.catalog.api." + key);
        }
        if (status != 429 && status / 100 == 4) {
            throw new EdumeApiException("eduMe API call " + call + " answered " + status + quote(answer));
        }
    }

    private <P> P parse(Answer answer, String call, Class<P> type) {
        try {
            P parsed = json.readValue(answer.body(), type);
            if (parsed == null) {
                throw new EdumeApiException("eduMe API call " + call + " answered an empty body instead of JSON");
            }
            return parsed;
        } catch (JacksonException e) {
            throw new EdumeApiException("eduMe API call " + call + " answered malformed JSON: "
                    + redact(e.getOriginalMessage()) + quote(answer));
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** What eduMe said, shortened, for the message: ops need it to tell a revoked key from a wrong one. */
    private String quote(Answer answer) {
        String body = new String(answer.body(), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        if (body.isEmpty()) {
            return "";
        }
        return ": " + redact(body.length() > QUOTED_BODY ? body.substring(0, QUOTED_BODY) + "…" : body);
    }

    /** The key must not reach a message even if a server echoes it back. */
    private String redact(String text) {
        return apiKey.isEmpty() || text == null ? text : text.replace(apiKey, "***");
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EdumeApiException("interrupted while waiting to retry an eduMe API call", e);
        }
    }

    private record Answer(int status, String retryAfter, byte[] body) {
    }
}
