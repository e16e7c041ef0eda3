package com.example.hublinks.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.hublinks.support.SettingsException;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/** The Public API client against a real HTTP server (WireMock) speaking the shapes of shared/edume-api/. */
@ExtendWith(OutputCaptureExtension.class)
class EdumeApiClientTest {

    final JsonMapper json = JsonMapper.builder().build();
    WireMockServer eduMe;

    @BeforeEach
    void startEduMe() {
        eduMe = new WireMockServer(options().dynamicPort());
        eduMe.start();
    }

    @AfterEach
    void stopEduMe() {
        eduMe.stop();
    }

    EdumeApiClient client(int maxAttempts, Duration readTimeout, int pageSize) {
        return new EdumeApiClient(new CatalogSettings.Api(eduMe.baseUrl(), "EDUME_API_KEY",
                CatalogSettings.OnFailure.USE_LAST, "/public/groups", "/public/courses", pageSize,
                Duration.ofSeconds(2), readTimeout, maxAttempts, Duration.ofMillis(10), Duration.ofSeconds(5)),
                EdumeStub.API_KEY, json);
    }

    EdumeApiClient client() {
        return client(4, Duration.ofSeconds(2), 100);
    }

    @Test
    void readsGroupsTeamsAndCoursesWithTheKeyInTheHeader() {
        EdumeStub.sampleCatalog(eduMe);

        CatalogSnapshot snapshot = client().fetchCatalog().toSnapshot();

        assertThat(snapshot).isEqualTo(new SnapshotDirectory(EdumeStub.SAMPLES, json).read());
        assertThat(snapshot.teams()).extracting(CatalogSnapshot.Team::teamId).containsExactly(5L, 6L, 7L, 21L, 22L);
        assertThat(snapshot.courses()).filteredOn(c -> c.courseId() == 125).singleElement()
                .extracting(CatalogSnapshot.Course::published).isEqualTo(false);
        eduMe.verify(3, getRequestedFor(urlPathEqualTo("/public/groups")).withHeader("X-API-KEY", equalTo(EdumeStub.API_KEY))
                .withQueryParam("page", equalTo("1")).withQueryParam("pageSize", equalTo("100")));
        eduMe.verify(2, getRequestedFor(urlPathEqualTo("/public/courses")).withHeader("X-API-KEY", equalTo(EdumeStub.API_KEY)));
    }

    @Test
    void retriesA503ThenA429HonouringRetryAfterThenSucceeds(CapturedOutput output) {
        EdumeStub.sampleCatalog(eduMe);
        eduMe.stubFor(get(urlPathEqualTo("/public/groups")).withQueryParam("groupId", absent()).inScenario("flaky")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("throttled"));
        eduMe.stubFor(get(urlPathEqualTo("/public/groups")).withQueryParam("groupId", absent()).inScenario("flaky")
                .whenScenarioStateIs("throttled")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("up"));
        eduMe.stubFor(get(urlPathEqualTo("/public/groups")).withQueryParam("groupId", absent()).inScenario("flaky")
                .whenScenarioStateIs("up").willReturn(okJson(EdumeStub.sample("groups.json"))));

        CatalogSnapshot snapshot = client().fetchCatalog().toSnapshot();

        assertThat(snapshot.groups()).hasSize(2);
        eduMe.verify(3, getRequestedFor(urlPathEqualTo("/public/groups")).withQueryParam("groupId", absent()));
        assertThat(output).contains("answered 503; try 2 of 4").contains("answered 429; try 3 of 4 in 1000 ms")
                .doesNotContain(EdumeStub.API_KEY);
    }

    @Test
    void givesUpAfterTheBoundedNumberOfTries() {
        eduMe.stubFor(get(urlPathEqualTo("/public/groups")).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> client(3, Duration.ofSeconds(2), 100).fetchCatalog())
                .isInstanceOf(EdumeApiException.class)
                .hasMessage("eduMe API call GET /public/groups?page=1&pageSize=100 answered 502 (gave up after 3 tries)");
        eduMe.verify(3, getRequestedFor(urlPathEqualTo("/public/groups")));
    }

    @Test
    void readsThreePagesUntilTotal() {
        EdumeStub.sampleCatalog(eduMe);
        String[] pages = {
                "{\"groups\":[{\"groupId\":101,\"name\":\"Couriers UK\"},{\"groupId\":202,\"name\":\"Couriers France\"}],"
                        + "\"page\":1,\"pageSize\":2,\"total\":5}",
                "{\"groups\":[{\"groupId\":303,\"name\":\"Three\"},{\"groupId\":404,\"name\":\"Four\"}],"
                        + "\"page\":2,\"pageSize\":2,\"total\":5}",
                "{\"groups\":[{\"groupId\":505,\"name\":\"Five\"}],\"page\":3,\"pageSize\":2,\"total\":5}"};
        for (int page = 1; page <= 3; page++) {
            eduMe.stubFor(get(urlPathEqualTo("/public/groups")).withQueryParam("groupId", absent())
                    .withQueryParam("page", equalTo(String.valueOf(page))).willReturn(okJson(pages[page - 1])));
        }
        for (String group : new String[] {"303", "404", "505"}) {
            eduMe.stubFor(get(urlPathEqualTo("/public/groups")).withQueryParam("groupId", equalTo(group))
                    .willReturn(okJson("{\"groups\":[{\"groupId\":" + group + ",\"name\":\"G\",\"teams\":[{\"teamId\":"
                            + group + "1,\"name\":\"Team " + group + "\"}]}]}")));
            eduMe.stubFor(get(urlPathEqualTo("/public/courses")).withQueryParam("groupId", equalTo(group))
                    .willReturn(okJson("{\"courses\":[],\"page\":1,\"pageSize\":2,\"total\":0}")));
        }

        CatalogAnswers answers = client(4, Duration.ofSeconds(2), 2).fetchCatalog();

        assertThat(answers.groups().groups()).extracting(EdumeJson.GroupJson::groupId)
                .containsExactly(101L, 202L, 303L, 404L, 505L);
        assertThat(answers.groups().total()).isEqualTo(5);
        for (int page = 1; page <= 3; page++) {
            eduMe.verify(1, getRequestedFor(urlPathEqualTo("/public/groups")).withQueryParam("groupId", absent())
                    .withQueryParam("page", equalTo(String.valueOf(page))).withQueryParam("pageSize", equalTo("2")));
        }
        assertThat(answers.toSnapshot().teams()).extracting(CatalogSnapshot.Team::name).contains("Team 505");
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() {
        eduMe.stubFor(get(urlPathEqualTo("/public/groups")).willReturn(okJson(EdumeStub.sample("groups.json"))
                .withFixedDelay(1500)));

        assertThatThrownBy(() -> client(2, Duration.ofMillis(200), 100).fetchCatalog())
                .isInstanceOf(EdumeApiException.class)
                .hasMessageContaining("GET /public/groups?page=1&pageSize=100 timed out (read timeout 200 ms)")
                .hasMessageContaining("gave up after 2 tries");
        eduMe.verify(2, getRequestedFor(urlPathEqualTo("/public/groups")));
    }

    @Test
    void a401FailsAtOnceNamingTheKeyVariableAndWhatEduMeSaid() {
        eduMe.stubFor(get(urlPathEqualTo("/public/groups")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid api key\"}")));

        assertThatThrownBy(() -> client().fetchCatalog())
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("EDUME_API_KEY: eduMe refused the API key in EDUME_API_KEY")
                .hasMessageContaining("answered 401: {\"error\":\"invalid api key\"}")
                .hasMessageNotContaining(EdumeStub.API_KEY);
        eduMe.verify(1, getRequestedFor(urlPathEqualTo("/public/groups")));
    }

    @Test
    void a403SaysAGroupKeyOnlySeesItsGroup() {
        EdumeStub.sampleCatalog(eduMe);
        eduMe.stubFor(get(urlPathEqualTo("/public/courses")).withQueryParam("groupId", equalTo("202"))
                .willReturn(aResponse().withStatus(403).withBody("{\"error\":\"forbidden\"}")));

        assertThatThrownBy(() -> client().fetchCatalog())
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("GET /public/courses?groupId=202&page=1&pageSize=100 answered 403")
                .hasMessageContaining("group-level key");
    }

    @Test
    void malformedJsonIsAClearErrorNamingTheCall() {
        EdumeStub.sampleCatalog(eduMe);
        eduMe.stubFor(get(urlPathEqualTo("/public/courses")).withQueryParam("groupId", equalTo("101"))
                .willReturn(okJson("{\"courses\": [ {\"courseId\": 123, ")));

        assertThatThrownBy(() -> client().fetchCatalog())
                .isInstanceOf(EdumeApiException.class)
                .hasMessageStartingWith("eduMe API call GET /public/courses?groupId=101&page=1&pageSize=100 answered malformed JSON");
        eduMe.verify(1, getRequestedFor(urlPathEqualTo("/public/courses")));
    }

    @Test
    void aWrongPathIsASettingsErrorNamingIt() {
        assertThatThrownBy(() -> client().fetchCatalog())
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("hublinks.catalog.api.groups-path: eduMe answered 404");
    }

    @Test
    void aSnapshotOfTheApiReplaysAsTheSameCatalog(@TempDir Path dir) {
        EdumeStub.sampleCatalog(eduMe);

        CatalogSnapshot saved = new SnapshotDirectory(dir.resolve("snap"), json).saveFrom(client());

        assertThat(dir.resolve("snap")).isDirectoryContaining("glob:**/groups.json")
                .isDirectoryContaining("glob:**/group-202.json").isDirectoryContaining("glob:**/courses-101.json");
        assertThat(new SnapshotDirectory(dir.resolve("snap"), json).read()).isEqualTo(saved)
                .isEqualTo(new SnapshotDirectory(EdumeStub.SAMPLES, json).read());
    }

    @Test
    void backoffGrowsWithJitterAndRetryAfterWins() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        for (int i = 0; i < 50; i++) {
            assertThat(backoff.delay(1, null).toMillis()).isBetween(50L, 100L);
            assertThat(backoff.delay(3, null).toMillis()).isBetween(200L, 400L);
            assertThat(backoff.delay(10, null).toMillis()).isBetween(500L, 1000L);
        }
        assertThat(backoff.delay(1, Duration.ofMillis(700))).isEqualTo(Duration.ofMillis(700));
        assertThat(backoff.delay(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(1000));
        assertThat(EdumeApiClient.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(EdumeApiClient.retryAfter("soon")).isNull();
    }
}
