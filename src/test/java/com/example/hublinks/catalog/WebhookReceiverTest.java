package com.example.hublinks.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.TestFiles;
import com.example.hublinks.job.NightlyRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook receiver over real HTTP with eduMe's sample bodies and signatures
 * (shared/edume-api/README.md, secret {@code demo-webhook-secret}), and a night that applies them.
 * The receiver is the web process of {@code hublinks webhooks}: Tomcat on a free port.
 */
@SpringBootTest(classes = HublinksApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet",
        "hublinks.catalog.webhooks.port=0",
        "spring.config.additional-location=file:jobs/sample-nightly.yml",
        "spring.datasource.url=jdbc:h2:mem:webhook-receiver-test;DB_CLOSE_DELAY=-1",
        "hublinks.campaign.out-dir=target/test-out/webhook-receiver-test",
        "hublinks.catalog.source=webhooks",
        "hublinks.links.courses=124,126",
        "EDUME_WEBHOOK_SECRET=demo-webhook-secret"})
class WebhookReceiverTest {

    static final Path BODIES = EdumeStub.SAMPLES.resolve("webhooks");
    static final String ADDED = "fb9292f17076b2ad354f45830df15cab09281cfeeaf9720b5f663a5a1d1d2212";
    static final String UNPUBLISHED = "314290b8414183f90e818d871398b1ac75fffbfef6a95a68e48904209af1c6cf";
    static final String TEAM_ASSIGNED = "af6de5722626e1c9c483d13772131fa95807cb44ef8dc02a5fd0178c7aee9fb2";

    @Autowired
    WebhookSignature signature;
    @Autowired
    WebhookEventRepository events;
    @Autowired
    CatalogRepository catalog;
    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    URI endpoint;

    @BeforeEach
    void storedCatalogAndARunningReceiver() throws Exception {
        for (String table : List.of("webhook_event", "catalog_course_team", "catalog_refresh", "learner_link")) {
            jdbc.update("delete from " + table);
        }
        catalog.store(new SnapshotDirectory(Path.of("sample-data/catalog"), json).read(), "file", Instant.now());
        endpoint = URI.create("http://localhost:" + port + "/webhooks/edume");
        TestFiles.deleteRecursively(Path.of("target/test-out/webhook-receiver-test"));
    }

    static byte[] body(String name) throws Exception {
        return Files.readAllBytes(BODIES.resolve(name));
    }

    HttpResponse<String> post(URI uri, byte[] body, String signatureHeader) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        if (signatureHeader != null) {
            request.header("x-edume-signature", signatureHeader);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theReadmeSignaturesAreOverTheRawBodyBytes() throws Exception {
        assertThat(signature.sign(body("course.added.json"))).isEqualTo(ADDED);
        assertThat(signature.sign(body("course.unpublished.json"))).isEqualTo(UNPUBLISHED);
        assertThat(signature.sign(body("course.updated.team.assigned.json"))).isEqualTo(TEAM_ASSIGNED);
    }

    @Test
    void storesSignedEventsAndAnswersAReplayWith200() throws Exception {
        assertThat(post(endpoint, body("course.added.json"), ADDED).statusCode()).isEqualTo(202);
        assertThat(post(endpoint, body("course.unpublished.json"), UNPUBLISHED).statusCode()).isEqualTo(202);
        assertThat(post(endpoint, body("course.updated.team.assigned.json"), TEAM_ASSIGNED.toUpperCase()).statusCode())
                .isEqualTo(202);

        HttpResponse<String> replay = post(endpoint, body("course.added.json"), ADDED);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("already held");
        assertThat(events.count()).isEqualTo(3);
        assertThat(jdbc.queryForList("select event_type from webhook_event order by event_time", String.class))
                .containsExactly("course.added", "course.updated", "course.unpublished");
    }

    @Test
    void aBadOrMissingSignatureIs401AndStoresNothing() throws Exception {
        byte[] tampered = new String(body("course.added.json"), StandardCharsets.UTF_8)
                .replace("\"teamId\": 6", "\"teamId\": 66").getBytes(StandardCharsets.UTF_8);

        assertThat(post(endpoint, tampered, ADDED).statusCode()).isEqualTo(401);
        assertThat(post(endpoint, body("course.added.json"), UNPUBLISHED).statusCode()).isEqualTo(401);
        assertThat(post(endpoint, body("course.added.json"), null).statusCode()).isEqualTo(401);
        assertThat(events.count()).isZero();
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        // over the default hublinks.catalog.webhooks.max-body-bytes (65536): the sample padded with spaces
        byte[] padded = (new String(body("course.added.json"), StandardCharsets.UTF_8) + " ".repeat(65536))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(post(endpoint, padded, signature.sign(padded)).statusCode()).isEqualTo(413);
        assertThat(events.count()).isZero();
    }

    @Test
    void aSignedBodyThatIsNoCourseEventIs400AndOnlyPostIsAccepted() throws Exception {
        byte[] notAnEvent = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = post(endpoint, notAnEvent, signature.sign(notAnEvent));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("no 'type'");

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(endpoint).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(events.count()).isZero();
    }

    @Test
    void theNightAppliesStoredEventsInTimestampOrderAndLinksAssignedPublishedCourses() throws Exception {
        // delivered out of order: the team assignment (18:05) before the course was added (18:02)
        post(endpoint, body("course.unpublished.json"), UNPUBLISHED);
        post(endpoint, body("course.updated.team.assigned.json"), TEAM_ASSIGNED);
        post(endpoint, body("course.added.json"), ADDED);
        byte[] removed = ("{\"type\":\"course.updated\",\"payload\":{\"updateType\":\"team.removed\",\"group\":{\"groupId\":101},"
                + "\"teams\":[{\"teamId\":6}],\"course\":{\"courseId\":126}},\"timestamp\":\"2026-11-28T09:00:00.000Z\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(post(endpoint, removed, signature.sign(removed)).statusCode()).isEqualTo(202);

        NightlyRun.Outcome outcome = nightlyRun.run(new NightlyRun.Request(LocalDate.of(2026, 11, 28), null, false, false));

        assertThat(outcome.exitCode()).as(outcome.message()).isZero();
        assertThat(jdbc.queryForList("select team_id from catalog_course_team where course_id = 126 and assigned"
                + " order by team_id", Long.class)).containsExactly(5L, 7L);
        assertThat(jdbc.queryForObject("select published from catalog_course where course_id = 124", Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from webhook_event where applied_at is null", Long.class)).isZero();

        Set<String> withCourseLink = new HashSet<>(jdbc.queryForList(
                "select external_user_id from learner_link where kind = 'course' and target_id = '126'", String.class));
        Set<String> inTeams5And7 = new HashSet<>(jdbc.queryForList(
                "select external_user_id from learner where team_ids in ('5', '7')", String.class));
        assertThat(withCourseLink).isNotEmpty().isEqualTo(inTeams5And7);
        assertThat(jdbc.queryForObject("select count(*) from learner_link where target_id = '124'", Long.class)).isZero();

        JsonNode report = json.readTree(Path.of("target/test-out/webhook-receiver-test/sample-nightly/2026-11-28/report.json")
                .toFile());
        assertThat(report.at("/catalog/source").asString()).isEqualTo("webhooks");
        assertThat(report.at("/catalog/stale").asBoolean()).isFalse();
        assertThat(report.at("/courses/listed").toString()).isEqualTo("[124,126]");
        assertThat(report.at("/courses/skipped").size()).isEqualTo(1);
        assertThat(report.at("/courses/skipped/0/courseId").asLong()).isEqualTo(124);
        assertThat(report.at("/courses/skipped/0/reason").asString()).isEqualTo("unpublished");
    }

    @Test
    void aWebhooksNightAppliesTheCourseEventsAndLeavesTheLearnerEventsStoredForTheReminders() throws Exception {
        Path learner = BODIES.resolve("learner");
        assertThat(post(endpoint, body("course.added.json"), ADDED).statusCode()).isEqualTo(202);
        assertThat(post(endpoint, Files.readAllBytes(learner.resolve("learner.course.completed.json")),
                "3f9784b95eccbb9fa0b85248ef22c4a1964849e50c63e648b5b8bd3c450bdfc6").statusCode()).isEqualTo(202);
        assertThat(post(endpoint, Files.readAllBytes(learner.resolve("learner.activity.finished.survey.standalone.json")),
                "866ddcc5c7e4f0062c1d164888b003ea6c2758f230da042c1a6350ebaca48eee").statusCode()).isEqualTo(202);

        NightlyRun.Outcome outcome = nightlyRun.run(new NightlyRun.Request(LocalDate.of(2026, 11, 29), null, false, false));

        assertThat(outcome.exitCode()).as(outcome.message()).isZero();
        assertThat(jdbc.queryForList("select event_type from webhook_event where applied_at is not null", String.class))
                .containsExactly("course.added");
        assertThat(jdbc.queryForList("select event_type from webhook_event where applied_at is null order by event_time",
                String.class)).containsExactly("learner.course.completed", "learner.activity.finished");
    }
}
