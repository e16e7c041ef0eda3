package com.example.hublinks.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.TestDatabase;
import com.example.hublinks.catalog.WebhookEventRepository;
import com.example.hublinks.cli.HublinksCommand;
import com.example.hublinks.job.NightlyRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code hublinks serve} as scripts, schedulers and eduMe meet it, over real HTTP: the check as
 * JSON, sign-in (Basic only with {@code Accept: application/json}, pauses after wrong passwords),
 * roles, upload limits and refusals, "Use for tonight" with a shrink, the nights, the health
 * probes, the webhooks' bearer token and learner events, and a log without roster data.
 */
@SpringBatchTest
@SpringBootTest(classes = HublinksApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.additional-location=file:jobs/sample-nightly.yml",
        "spring.main.web-application-type=servlet",
        "hublinks.serve.port=0",
        "hublinks.serve.max-upload=64KB",
        "hublinks.catalog.webhooks.token-env=HUBLINKS_TEST_WEBHOOK_TOKEN",
        "HUBLINKS_TEST_WEBHOOK_TOKEN=test-bearer-token-1234",
        "EDUME_WEBHOOK_SECRET=demo-webhook-secret"})
@ActiveProfiles(WebProcess.SERVE_PROFILE)
@ExtendWith(OutputCaptureExtension.class)
class ServeTest {

    static final Path HOME = ServeFixture.home("serve-test");
    static final Path DIALECTS = Path.of("src/test/resources/rosters/dialects");
    static final Path WEBHOOKS = com.example.hublinks.catalog.EdumeStub.SAMPLES.resolve("webhooks");
    static final String JSON = "application/json";

    @LocalServerPort
    int port;
    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobRepositoryTestUtils jobRepository;
    @Autowired
    WebhookEventRepository events;
    @Autowired
    JsonMapper json;
    ServeClient serve;

    @DynamicPropertySource
    static void installation(DynamicPropertyRegistry registry) {
        ServeFixture.settings(HOME, "serve-test").forEach(s -> registry.add(s[0], () -> s[1]));
        UsersFile.add(HOME.resolve("users"), "hr2", UsersFile.Role.HR, "Another-pass-44".toCharArray());
    }

    @BeforeEach
    void sampleRosterAndNoNights() throws Exception {
        serve = ServeClient.on(port);
        TestDatabase.forgetAllNights(jobRepository, jdbc);
        jdbc.update("delete from roster_acceptance");
        jdbc.update("delete from webhook_event");
        Files.copy(ServeFixture.SAMPLE_ROSTER, HOME.resolve("roster.csv"), StandardCopyOption.REPLACE_EXISTING);
    }

    JsonNode check(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    @Test
    void aScriptGetsTheCheckAsJsonWithTheFieldsOfTheDesign() throws Exception {
        HttpResponse<String> response = serve.upload(ServeFixture.HR, ServeFixture.HR_PASSWORD, "roster.csv",
                Files.readAllBytes(ServeFixture.SAMPLE_ROSTER));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty(); // stateless
        JsonNode check = check(response);
        assertThat(check.propertyNames()).contains("uploadId", "fileName", "sha256", "status", "exitCode", "counts",
                "rejectsByReason", "guard", "message");
        assertThat(check.path("status").asString()).isEqualTo("OK");
        assertThat(check.path("exitCode").asInt()).isZero();
        assertThat(check.path("sha256").asString()).isEqualTo(com.example.hublinks.roster.RosterAcceptances.sha256(
                ServeFixture.SAMPLE_ROSTER));
        assertThat(check.path("counts").toString()).isEqualTo("{\"read\":51,\"usable\":50,\"rejected\":1,\"warnings\":1}");
        assertThat(check.path("rejectsByReason")).singleElement().satisfies(group -> {
            assertThat(group.path("reason").asString()).startsWith("duplicate external user id");
            assertThat(group.path("count").asLong()).isEqualTo(1);
            assertThat(group.path("firstLines").toString()).isEqualTo("[32]");
        });
        assertThat(check.path("guard").path("wouldPublish").asBoolean()).isTrue();
        assertThat(check.path("guard").path("lastPublished").isNull()).isTrue(); // no night yet
        assertThat(response.headers().firstValue("Location")).hasValue("/rosters/" + check.path("uploadId").asString());
    }

    @Test
    void basicCredentialsWithoutAcceptJsonAreRefused() throws Exception {
        long uploadsBefore = uploads();
        HttpResponse<String> upload = serve.send(ServeClient.withFile(serve.request("/rosters"), "roster.csv",
                Files.readAllBytes(ServeFixture.SAMPLE_ROSTER)).header("Authorization",
                ServeClient.basic(ServeFixture.HR, ServeFixture.HR_PASSWORD)).header("Accept", "text/html,*/*"));
        HttpResponse<String> nights = serve.get("/nights", "Authorization",
                ServeClient.basic(ServeFixture.HR, ServeFixture.HR_PASSWORD));

        assertThat(upload.statusCode()).isEqualTo(403); // a cross-site form riding on cached credentials: no CSRF token
        assertThat(nights.statusCode()).isIn(302, 401);
        assertThat(uploads()).isEqualTo(uploadsBefore);
    }

    @Test
    void aWrongPasswordIs401AndRepeatedOnesPauseTheName(CapturedOutput log) throws Exception {
        byte[] roster = Files.readAllBytes(ServeFixture.SAMPLE_ROSTER);
        for (int i = 1; i <= SignInThrottle.FREE_FAILURES + 1; i++) {
            assertThat(serve.upload("hr2", "wrong-password-" + i, "roster.csv", roster).statusCode()).isEqualTo(401);
            assertThat(serve.upload("nobody", "wrong-password-" + i, "roster.csv", roster).statusCode()).isEqualTo(401);
        }

        assertThat(serve.upload("hr2", "Another-pass-44", "roster.csv", roster).statusCode()).isEqualTo(401);
        assertThat(log).contains("Sign-in of hr2 refused: paused").contains("Sign-in of an unknown user name failed")
                .doesNotContain("wrong-password-").doesNotContain("nobody");
        assertThat(serve.upload(ServeFixture.HR, ServeFixture.HR_PASSWORD, "roster.csv", roster).statusCode())
                .isEqualTo(200); // another name is not paused
    }

    @Test
    void opsCannotUploadNotEvenAFileTooLargeToRead() throws Exception {
        long uploadsBefore = uploads();
        byte[] roster = Files.readAllBytes(ServeFixture.SAMPLE_ROSTER);
        assertThat(serve.upload(ServeFixture.OPS, ServeFixture.OPS_PASSWORD, "roster.csv", roster).statusCode()).isEqualTo(403);
        // refused before the body is read: a file over hublinks.serve.max-upload is 403 too, not 413
        assertThat(serve.upload(ServeFixture.OPS, ServeFixture.OPS_PASSWORD, "big.csv", new byte[100 * 1024]).statusCode())
                .isEqualTo(403);
        assertThat(uploads()).isEqualTo(uploadsBefore);
    }

    @Test
    void anUploadOverMaxUploadIsRefusedWithItsSize() throws Exception {
        byte[] big = (new String(Files.readAllBytes(ServeFixture.SAMPLE_ROSTER), StandardCharsets.UTF_8)
                + "E1,A,B,a@example.com,,London\n".repeat(4000)).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = serve.upload(ServeFixture.HR, ServeFixture.HR_PASSWORD, "big.csv", big);

        assertThat(response.statusCode()).isEqualTo(413);
        String message = check(response).path("message").asString();
        assertThat(message).matches("the upload is (\\d+) KB, more than hublinks.serve.max-upload \\(64 KB\\):"
                + " split the roster, or ask ops to raise the limit");
        assertThat(Long.parseLong(message.replaceAll("\\D+", " ").strip().split(" ")[0])).isBetween(big.length / 1024L,
                big.length / 1024L + 1); // the size of the request, the file and its envelope
    }

    @Test
    void anExcelWorkbookGetsTheCommandLinesAdviceAndCannotBeAccepted() throws Exception {
        Path workbook = DIALECTS.resolve("workbook.xlsx");
        StringWriter cli = new StringWriter();
        HublinksCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(cli), "run", "jobs/sample-nightly.yml",
                "--dry-run", "--roster", workbook.toString(), "--spring.datasource.url=jdbc:h2:mem:serve-test-cli");
        String advice = cli.toString().strip().replace("hublinks: hublinks.roster.path: " + workbook, "workbook.xlsx");

        HttpResponse<String> response = serve.upload(ServeFixture.HR, ServeFixture.HR_PASSWORD, "workbook.xlsx",
                Files.readAllBytes(workbook));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode check = check(response);
        assertThat(check.path("status").asString()).isEqualTo("REFUSED");
        assertThat(check.path("exitCode").asInt()).isEqualTo(2);
        assertThat(check.path("message").asString()).isEqualTo(advice).startsWith("workbook.xlsx is an Excel workbook");
        HttpResponse<String> accept = serve.post("/rosters/" + check.path("uploadId").asString() + "/accept",
                "Authorization", ServeClient.basic(ServeFixture.HR, ServeFixture.HR_PASSWORD), "Accept", JSON);
        assertThat(accept.statusCode()).isEqualTo(409);
        assertThat(Files.readAllBytes(HOME.resolve("roster.csv"))).isEqualTo(Files.readAllBytes(ServeFixture.SAMPLE_ROSTER));
    }

    @Test
    void utf16AndBinaryFilesAreRefusedWithOneLineEach() throws Exception {
        byte[] utf16 = ("\uFEFF" + Files.readString(ServeFixture.SAMPLE_ROSTER)).getBytes(StandardCharsets.UTF_16LE);
        JsonNode unicode = check(serve.upload(ServeFixture.HR, ServeFixture.HR_PASSWORD, "unicode.txt", utf16));
        JsonNode binary = check(serve.upload(ServeFixture.HR, ServeFixture.HR_PASSWORD, "binary.dat",
                Files.readAllBytes(DIALECTS.resolve("binary.dat"))));

        assertThat(unicode.path("message").asString()).startsWith("unicode.txt is UTF-16").doesNotContain("\n");
        assertThat(binary.path("message").asString()).startsWith("binary.dat is not a CSV text file").doesNotContain("\n");
        assertThat(List.of(unicode.path("status").asString(), binary.path("status").asString())).containsOnly("REFUSED");
    }

    @Test
    void aShrunkRosterIsUsedOnlyWithTheConfirmationAndTheNightHonoursIt() throws Exception {
        assertThat(night("2026-11-30").exitCode()).isZero(); // 50 learners published
        List<String> rows = Files.readAllLines(ServeFixture.SAMPLE_ROSTER, StandardCharsets.UTF_8).subList(0, 31);
        byte[] shrunk = (String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
        JsonNode check = check(serve.upload(ServeFixture.HR, ServeFixture.HR_PASSWORD, "after-the-closure.csv", shrunk));
        assertThat(check.path("status").asString()).isEqualTo("GUARD");
        assertThat(check.path("exitCode").asInt()).isEqualTo(3);
        assertThat(check.path("guard").path("reasons").toString()).contains("shrank");
        assertThat(check.path("guard").path("lastPublished").toString()).isEqualTo("{\"runDate\":\"2026-11-30\",\"learners\":50}");
        String accept = "/rosters/" + check.path("uploadId").asString() + "/accept";
        String hr = ServeClient.basic(ServeFixture.HR, ServeFixture.HR_PASSWORD);

        HttpResponse<String> unconfirmed = serve.post(accept, "Authorization", hr, "Accept", JSON);
        assertThat(unconfirmed.statusCode()).isEqualTo(409);
        assertThat(check(unconfirmed).path("message").asString()).contains("acceptShrink=true");
        assertThat(night("2026-12-01").exitCode()).isZero(); // still the old roster: nothing changed

        HttpResponse<String> confirmed = serve.post(accept + "?acceptShrink=true", "Authorization", hr, "Accept", JSON);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(check(confirmed).path("acceptShrink").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select accept_shrink from roster_acceptance", Boolean.class)).isTrue();

        NightlyRun.Outcome shrunkNight = night("2026-12-02");
        assertThat(shrunkNight.exitCode()).as(shrunkNight.message()).isZero(); // the guard let the confirmed shrink through
        assertThat(jdbc.queryForObject("select count(distinct external_user_id) from learner_link where job_name = ?"
                + " and state = 'removed'", Long.class, "sample-nightly")).isEqualTo(20); // 50 learners, 30 left
    }

    @Test
    void theNightsAndTheirReportsAreServedToHrAndOpsButNoOtherFileOfANight() throws Exception {
        assertThat(night("2026-11-30").exitCode()).isZero();
        String ops = ServeClient.basic(ServeFixture.OPS, ServeFixture.OPS_PASSWORD);

        HttpResponse<String> report = serve.get("/nights/2026-11-30/report.html", "Authorization", ops, "Accept",
                JSON + ", text/html");
        HttpResponse<String> rejects = serve.get("/nights/2026-11-30/rejects.csv", "Authorization", ops, "Accept",
                JSON + ", text/csv");

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("<h1>sample-nightly &middot; 2026-11-30</h1>");
        assertThat(rejects.statusCode()).isEqualTo(200);
        assertThat(rejects.body()).startsWith("line,column,reason");
        for (String path : List.of("/nights/2026-11-30/email.csv", "/nights/2026-11-30/manifest.json",
                "/nights/2026-11-31/report.html", "/nights/..%2F..%2Fjobs/report.html")) {
            assertThat(serve.get(path, "Authorization", ops, "Accept", JSON + ", */*").statusCode()).as(path).isIn(400, 404);
        }
    }

    @Test
    void theHealthProbesAreUpAndNothingElseOfTheActuatorIsExposed() throws Exception {
        HttpResponse<String> liveness = serve.get(PublicEndpointsConfiguration.LIVENESS);
        HttpResponse<String> readiness = serve.get(PublicEndpointsConfiguration.READINESS);

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
        String hr = ServeClient.basic(ServeFixture.HR, ServeFixture.HR_PASSWORD);
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/env", "/actuator/beans", "/actuator/metrics")) {
            assertThat(serve.get(path).statusCode()).as(path).isNotEqualTo(200);
            assertThat(serve.get(path, "Authorization", hr, "Accept", JSON).statusCode()).as(path).isNotEqualTo(200);
        }
    }

    @Test
    void webhooksTakeTheBearerTokenOrTheOneLineSignatureAndLearnerEventsAreStoredApartFromTheCatalog() throws Exception {
        byte[] added = Files.readAllBytes(WEBHOOKS.resolve("course.added.json"));
        byte[] enrolled = Files.readAllBytes(WEBHOOKS.resolve("learner/learner.added.json"));
        byte[] survey = Files.readAllBytes(WEBHOOKS.resolve("learner/learner.activity.finished.survey.standalone.json"));

        assertThat(webhook(added, "Authorization", "Bearer test-bearer-token-1234").statusCode()).isEqualTo(202);
        assertThat(webhook(survey, "Authorization", "Bearer test-bearer-token-123").statusCode()).isEqualTo(401);
        assertThat(webhook(enrolled, "x-edume-signature", // eduMe's HMAC of JSON.stringify(body) (learner README, column 2)
                "4c5e3fdce005b4b3133c9ee3415052e951438b8c9e3007b5e972e3c549d7116e").statusCode()).isEqualTo(202);
        assertThat(webhook(survey, "x-edume-signature",
                "866ddcc5c7e4f0062c1d164888b003ea6c2758f230da042c1a6350ebaca48eee").statusCode()).isEqualTo(202);
        assertThat(webhook(survey, "x-edume-signature",
                "beb08316b441cd76b10e0bd8040bab5a2addfbd79010fe60712bead381f0a9b3").statusCode()).isEqualTo(200); // replay

        assertThat(jdbc.queryForList("select event_type from webhook_event order by event_id", String.class))
                .containsExactly("course.added", "learner.added", "learner.activity.finished");
        assertThat(events.pending()).hasSize(1); // the catalog applies course events only
    }

    @Test
    void nothingOfTheRosterReachesTheLog(CapturedOutput log) throws Exception {
        List<String> rows = new ArrayList<>(Files.readAllLines(ServeFixture.SAMPLE_ROSTER, StandardCharsets.UTF_8));
        rows.add("ZX7781,Quillon,Brackenfeld,quillon.brackenfeld@example.com,+44 7958 449911,London");
        rows.add("ZX7782,Ysolde,Marrowind,ysolde.marrowind.at.example.com,,London");
        JsonNode check = check(serve.upload(ServeFixture.HR, ServeFixture.HR_PASSWORD, "roster.csv",
                (String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8)));
        serve.post("/rosters/" + check.path("uploadId").asString() + "/accept", "Authorization",
                ServeClient.basic(ServeFixture.HR, ServeFixture.HR_PASSWORD), "Accept", JSON);
        assertThat(night("2026-12-03").exitCode()).isZero();

        assertThat(check.path("counts").path("rejected").asLong()).isEqualTo(2);
        for (String value : List.of("ZX778", "Quillon", "Brackenfeld", "Ysolde", "Marrowind", "449911", "E1013",
                "amelia.smith")) {
            assertThat(log.getAll()).as(value).doesNotContain(value);
        }
    }

    private HttpResponse<String> webhook(byte[] body, String header, String value) throws Exception {
        return serve.send(serve.request(WebProcess.WEBHOOKS_PATH).header(header, value)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private NightlyRun.Outcome night(String date) throws Exception {
        return nightlyRun.run(new NightlyRun.Request(LocalDate.parse(date), null, false, false));
    }

    private static long uploads() throws Exception {
        Path dir = HOME.resolve("out/sample-nightly/uploads");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var uploads = Files.list(dir)) {
            return uploads.count();
        }
    }
}
