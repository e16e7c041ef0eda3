package com.example.hublinks.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.TestFiles;
import com.example.hublinks.catalog.EdumeStub;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nights with {@code catalog.source: api} against WireMock standing in for eduMe: a good night,
 * then an outage with {@code on-failure: use-last} (the night goes on, report.json says stale
 * and since when). The {@code fail} policy is in CatalogCommandLineTest.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = HublinksApplication.class, properties = {
        "spring.config.additional-location=file:jobs/sample-nightly.yml",
        "spring.datasource.url=jdbc:h2:mem:api-catalog-night-test;DB_CLOSE_DELAY=-1",
        "hublinks.campaign.out-dir=target/test-out/api-catalog-night-test",
        "hublinks.catalog.source=api",
        "hublinks.catalog.api.max-attempts=2",
        "hublinks.catalog.api.backoff=10ms",
        "hublinks.links.courses=123,125,999",
        "EDUME_API_KEY=" + EdumeStub.API_KEY})
class ApiCatalogNightTest {

    static final Path OUT = Path.of("target/test-out/api-catalog-night-test/sample-nightly");
    static final WireMockServer eduMe = new WireMockServer(options().dynamicPort());

    static {
        eduMe.start();
    }

    @DynamicPropertySource
    static void eduMeUrl(DynamicPropertyRegistry registry) {
        registry.add("hublinks.catalog.api.base-url", eduMe::baseUrl);
    }

    @AfterAll
    static void stopEduMe() {
        eduMe.stop();
    }

    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void aGoodNightThenAnOutageThatGoesOnWithTheLastCatalog(CapturedOutput output) throws Exception {
        TestFiles.deleteRecursively(OUT);
        EdumeStub.sampleCatalog(eduMe);

        NightlyRun.Outcome first = nightlyRun.run(new NightlyRun.Request(LocalDate.of(2026, 11, 1), null, false, false));

        assertThat(first.exitCode()).as(first.message()).isZero();
        JsonNode report1 = json.readTree(OUT.resolve("2026-11-01/report.json").toFile());
        assertThat(report1.at("/catalog/source").asString()).isEqualTo("api");
        assertThat(report1.at("/catalog/stale").asBoolean()).isFalse();
        assertThat(report1.at("/courses/skipped").toString())
                .contains("{\"courseId\":125,\"title\":\"E-bike care (draft)\",\"reason\":\"unpublished\"}")
                .contains("{\"courseId\":999,\"title\":null,\"reason\":\"not in the eduMe catalog\"}");
        Set<String> withCourse = new HashSet<>(jdbc.queryForList(
                "select external_user_id from learner_link where kind = 'course' and target_id = '123'", String.class));
        Set<String> inGroup101 = new HashSet<>(jdbc.queryForList(
                "select external_user_id from learner where team_ids in ('5', '6', '7')", String.class));
        assertThat(withCourse).isNotEmpty().isEqualTo(inGroup101); // no explicit teams: all of its group's teams
        assertThat(jdbc.queryForObject("select count(*) from learner_link where target_id in ('125', '999')", Long.class))
                .isZero();

        eduMe.resetAll();
        eduMe.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));

        NightlyRun.Outcome second = nightlyRun.run(new NightlyRun.Request(LocalDate.of(2026, 11, 2), null, false, false));

        assertThat(second.exitCode()).as(second.message()).isZero();
        JsonNode report2 = json.readTree(OUT.resolve("2026-11-02/report.json").toFile());
        assertThat(report2.at("/catalog/stale").asBoolean()).isTrue();
        assertThat(report2.at("/catalog/refreshedAt").asString()).isEqualTo(report1.at("/catalog/refreshedAt").asString());
        assertThat(report2.at("/catalog/note").asString()).contains("GET /public/groups").contains("answered 503");
        // the stored catalog signed the very same links: nothing new or changed, nobody messaged again
        assertThat(report2.at("/counts/new").asLong() + report2.at("/counts/changed").asLong()).isZero();
        assertThat(report2.at("/counts/unchanged").asLong())
                .isEqualTo(jdbc.queryForObject("select count(*) from learner_link", Long.class));
        assertThat(jdbc.queryForObject("select count(*) from learner_link where target_id = '123' and state <> 'removed'",
                Long.class)).isEqualTo(withCourse.size());

        assertThat(output).contains("the night goes on with the catalog stored at").doesNotContain(EdumeStub.API_KEY);
        try (Stream<Path> files = Files.walk(OUT)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(TestFiles.read(file)).as(file.toString()).doesNotContain(EdumeStub.API_KEY);
            }
        }
        List<String> params = jdbc.queryForList("select parameter_value from batch_job_execution_params", String.class);
        assertThat(params).noneMatch(value -> value != null && value.contains(EdumeStub.API_KEY));
    }
}
