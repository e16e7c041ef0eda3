package com.example.hublinks.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.TestFiles;
import com.example.hublinks.catalog.WebhookSignature;
import com.example.hublinks.job.NightlyRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mandatory-training reminders end to end (DESIGN §8): eduMe's sample learner events and variants
 * (out of order, replayed, an unknown learner, a missing ASSUMED field, a completion after the
 * reminder went out) posted over real HTTP to the webhook receiver, then nights on consecutive
 * dates (the next night, a week on, two weeks on), asserting the reminder files, the ledger and the report. Course 123 is due 2026-03-05, a
 * reminder at most every 7 days, two at most.
 */
@SpringBootTest(classes = HublinksApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet",
        "hublinks.catalog.webhooks.port=0",
        "spring.config.additional-location=file:jobs/sample-nightly.yml",
        "spring.datasource.url=jdbc:h2:mem:reminders-night-test;DB_CLOSE_DELAY=-1",
        "hublinks.campaign.out-dir=target/test-out/reminders-night-test",
        "hublinks.reminders.courses=123",
        "hublinks.reminders.due=2026-03-05",
        "hublinks.reminders.every=7d",
        "hublinks.reminders.max=2",
        "EDUME_WEBHOOK_SECRET=demo-webhook-secret"})
class RemindersNightTest {

    static final Path SAMPLES = Path.of("src/test/resources/edume-api/webhooks/learner");
    static final List<String> COLUMNS = List.of("email", "first_name", "last_name", "external_user_id", "course_id",
            "course_title", "due", "reminder", "link");
    static final int ASSIGNED = 38; // the sample roster's learners in teams 5, 6 and 7 (group 101, course 123's)

    @Autowired
    WebhookSignature signature;
    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @Value("${hublinks.campaign.out-dir}")
    Path outDir;

    final HttpClient http = HttpClient.newHttpClient();
    Path out;

    @BeforeEach
    void nights() {
        out = outDir.resolve("sample-nightly");
        TestFiles.deleteRecursively(out);
    }

    int post(byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/edume"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("x-edume-signature", signature.sign(body))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A sample, one-line, for another learner of course 123 at another time, changed further by {@code edit}. */
    byte[] event(String sample, String user, String timestamp, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode body = (ObjectNode) json.readTree(SAMPLES.resolve(sample).toFile());
        ObjectNode payload = (ObjectNode) body.get("payload");
        ((ObjectNode) payload.get("learner")).put("externalUserId", user);
        ((ObjectNode) payload.get("course")).put("courseId", 123);
        body.put("timestamp", timestamp);
        edit.accept(payload);
        return json.writeValueAsBytes(body);
    }

    void night(LocalDate date, boolean force) throws Exception {
        NightlyRun.Outcome outcome = nightlyRun.run(new NightlyRun.Request(date, null, force, false));
        assertThat(outcome.exitCode()).as(outcome.message()).isZero();
    }

    List<Map<String, String>> csv(LocalDate night, String file) {
        return TestFiles.csv(out.resolve(night.toString()).resolve(file));
    }

    Set<String> reminded(LocalDate night) {
        Set<String> ids = new HashSet<>();
        csv(night, ReminderFiles.EMAIL).forEach(r -> ids.add(r.get("external_user_id")));
        csv(night, ReminderFiles.SMS).forEach(r -> ids.add(r.get("external_user_id")));
        return ids;
    }

    JsonNode reminders(LocalDate night) {
        return json.readTree(out.resolve(night.toString()).resolve("report.json").toFile()).get("reminders");
    }

    Map<String, String> ledger() {
        return jdbc.query("select external_user_id, reminder_no, run_date from reminder where course_id = 123"
                        + " order by external_user_id, reminder_no", (rs, i) -> Map.entry(rs.getString(1),
                        rs.getInt(2) + "@" + rs.getDate(3))).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue,
                        Collectors.joining(" ")))).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Instant progress(String user, String column) {
        List<Timestamp> at = jdbc.queryForList("select " + column + " from learner_progress where external_user_id = ?"
                + " and course_id = 123", Timestamp.class, user);
        return at.isEmpty() || at.get(0) == null ? null : at.get(0).toInstant();
    }

    @Test
    void learnerEventsOverHttpRemindWhoHasNotFinishedOncePerPeriodAtMostTwiceAndNeverAfterTheyFinished() throws Exception {
        try (var samples = Files.list(SAMPLES)) {
            for (Path sample : samples.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                assertThat(post(Files.readAllBytes(sample))).as(sample.toString()).isEqualTo(202);
            }
        }
        assertThat(post(Files.readAllBytes(SAMPLES.resolve("learner.activity.finished.json")))).as("a replay").isEqualTo(200);
        // out of order: E1005's completion arrives before their enrolment, and a start later than both comes last
        byte[] completed = event("learner.course.completed.json", "E1005", "2026-11-10T10:00:00.000Z", p -> { });
        assertThat(post(completed)).isEqualTo(202);
        assertThat(post(event("learner.added.json", "E1005", "2026-11-01T09:00:00.000Z", p -> { }))).isEqualTo(202);
        assertThat(post(event("learner.activity.started.json", "E1005", "2026-11-12T09:00:00.000Z", p -> { })))
                .isEqualTo(202);
        assertThat(post(completed)).as("the completion again").isEqualTo(200);
        // unusable: a learner the roster never had; no learner (an ASSUMED field); an activity of no known kind
        assertThat(post(event("learner.course.completed.json", "E9999", "2026-11-10T10:00:00.000Z", p -> { })))
                .isEqualTo(202);
        assertThat(post(event("learner.course.completed.json", "E1007", "2026-11-10T11:00:00.000Z",
                p -> p.remove("learner")))).isEqualTo(202);
        assertThat(post(event("learner.activity.finished.json", "E1008", "2026-11-10T12:00:00.000Z",
                p -> p.remove("activityType")))).isEqualTo(202);

        LocalDate first = LocalDate.of(2026, 3, 2);
        night(first, false);

        assertThat(progress("E1005", "completed_at")).isEqualTo(Instant.parse("2026-11-10T10:00:00Z"));
        assertThat(progress("E1005", "enrolled_at")).isEqualTo(Instant.parse("2026-11-01T09:00:00Z"));
        assertThat(progress("E1005", "started_at")).isEqualTo(Instant.parse("2026-11-12T09:00:00Z"));
        assertThat(progress("E1002", "completed_at")).as("learner.activity.finished of kind course")
                .isEqualTo(Instant.parse("2026-11-05T21:18:44.902Z"));
        assertThat(progress("E1001", "activated_at")).isEqualTo(Instant.parse("2026-11-02T19:42:31.507Z"));
        assertThat(progress("E1008", "completed_at")).as("no activityType: not taken for a completion").isNull();

        List<Map<String, String>> emails = csv(first, ReminderFiles.EMAIL);
        assertThat(emails.get(0).keySet()).containsExactlyElementsOf(COLUMNS);
        assertThat(emails).allSatisfy(row -> {
            assertThat(row).containsEntry("course_id", "123").containsEntry("course_title", "Road safety basics")
                    .containsEntry("due", "2026-03-05").containsEntry("reminder", "1");
            assertThat(row.get("link")).contains("/e/c/123?g=").contains("&e=" + row.get("external_user_id") + "&sig=");
            assertThat(TestFiles.signatureHolds(row.get("link"), TestFiles.DEMO_SECRET)).isTrue();
        });
        assertThat(csv(first, ReminderFiles.SMS)).allSatisfy(row -> assertThat(row.get("message"))
                .startsWith("Hi ").contains("please finish Road safety basics by 2026-03-05: https://learn.edume.com/e/c/123?"));
        Set<String> firstReminded = reminded(first);
        assertThat(firstReminded).hasSize(ASSIGNED - 2).contains("E1001", "E1006").doesNotContain("E1002", "E1005", "E2001");
        assertThat(ledger()).hasSize(ASSIGNED - 2).allSatisfy((user, issued) -> assertThat(issued).isEqualTo("1@2026-03-02"));
        JsonNode report = reminders(first);
        assertThat(report.at("/courses/0/courseId").asLong()).isEqualTo(123);
        assertThat(report.at("/courses/0/assigned").asLong()).isEqualTo(ASSIGNED);
        assertThat(report.at("/courses/0/completed").asLong()).isEqualTo(2);
        assertThat(report.at("/courses/0/remindedTonight").asLong()).isEqualTo(ASSIGNED - 2);
        assertThat(report.at("/courses/0/overdue").asLong()).isZero();
        assertThat(report.at("/courses/0/teams").toString()).contains("{\"teamId\":5,\"name\":\"London\",\"assigned\":13,"
                + "\"completed\":2}");
        assertThat(report.get("unusableEvents").asLong()).isEqualTo(3);
        assertThat(report.get("unusableByReason").toString()).contains("learner not on the job's roster")
                .contains("no payload.learner.externalUserId").contains("no payload.activityType");
        Path folder = out.resolve(first.toString());
        assertThat(TestFiles.read(folder.resolve("report.html"))).contains("Mandatory training")
                .contains("aria-label=\"completion per team\"").contains("2 of 13 completed");
        JsonNode manifest = json.readTree(folder.resolve("manifest.json").toFile());
        assertThat(manifest.at("/reminders-email.csv/rows").asLong()).isEqualTo(emails.size());
        for (String file : ReminderFiles.ALL) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(file)))).isEqualTo("rw-------");
            assertThat(folder.resolve(file + ".part")).doesNotExist();
        }

        // a completion after the reminder went out: no more reminders for E1006
        assertThat(post(event("learner.course.completed.json", "E1006", "2026-03-02T18:00:00.000Z", p -> { })))
                .isEqualTo(202);
        LocalDate nextNight = LocalDate.of(2026, 3, 3);
        night(nextNight, false);
        assertThat(csv(nextNight, ReminderFiles.EMAIL)).isEmpty();
        assertThat(csv(nextNight, ReminderFiles.SMS)).isEmpty();
        assertThat(reminders(nextNight).at("/courses/0/completed").asLong()).isEqualTo(3);
        assertThat(reminders(nextNight).at("/courses/0/remindedTonight").asLong()).isZero();
        assertThat(reminders(nextNight).get("unusableEvents").asLong()).isZero();

        LocalDate aWeekLater = LocalDate.of(2026, 3, 9);
        night(aWeekLater, false);
        Set<String> second = new HashSet<>(firstReminded);
        second.remove("E1006");
        assertThat(reminded(aWeekLater)).isEqualTo(second);
        assertThat(csv(aWeekLater, ReminderFiles.EMAIL)).extracting(row -> row.get("reminder")).containsOnly("2");
        assertThat(reminders(aWeekLater).at("/courses/0/overdue").asLong()).isEqualTo(ASSIGNED - 3); // due 03-05
        byte[] emailFile = Files.readAllBytes(out.resolve(aWeekLater.toString()).resolve(ReminderFiles.EMAIL));
        byte[] smsFile = Files.readAllBytes(out.resolve(aWeekLater.toString()).resolve(ReminderFiles.SMS));
        Map<String, String> issued = ledger();

        night(aWeekLater, true); // --force: the same reminders, not third ones
        assertThat(Files.readAllBytes(out.resolve(aWeekLater.toString()).resolve(ReminderFiles.EMAIL))).isEqualTo(emailFile);
        assertThat(Files.readAllBytes(out.resolve(aWeekLater.toString()).resolve(ReminderFiles.SMS))).isEqualTo(smsFile);
        assertThat(ledger()).isEqualTo(issued);
        assertThat(issued).containsEntry("E1001", "1@2026-03-02 2@2026-03-09").containsEntry("E1006", "1@2026-03-02");

        LocalDate later = LocalDate.of(2026, 3, 16);
        night(later, false);
        assertThat(reminded(later)).as("max 2").isEmpty();
        assertThat(reminders(later).at("/courses/0/remindedTonight").asLong()).isZero();
        assertThat(ledger()).isEqualTo(issued);
    }
}
