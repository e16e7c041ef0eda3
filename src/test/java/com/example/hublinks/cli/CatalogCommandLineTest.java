package com.example.hublinks.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.catalog.EdumeStub;
import com.example.hublinks.cli.CommandLineTest.Result;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog commands and the API failure policies as ops meet them: exit codes and one-line messages. */
class CatalogCommandLineTest {

    static final WireMockServer eduMe = new WireMockServer(options().dynamicPort());

    @TempDir
    Path dir;

    @BeforeAll
    static void startEduMe() {
        eduMe.start();
    }

    @AfterAll
    static void stopEduMe() {
        eduMe.stop();
    }

    @BeforeEach
    void resetEduMe() {
        eduMe.resetAll();
    }

    /** {@code hublinks CMD jobs/sample-nightly.yml ARGS} against the stub, on its own in-memory database. */
    Result hublinks(String command, String database, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "jobs/sample-nightly.yml"));
        all.addAll(List.of(args));
        all.addAll(List.of("--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "--hublinks.campaign.out-dir=" + dir.resolve("out"),
                "--hublinks.catalog.api.base-url=" + eduMe.baseUrl(),
                "--hublinks.catalog.api.max-attempts=2", "--hublinks.catalog.api.backoff=10ms"));
        return CommandLineTest.hublinks(all.toArray(String[]::new));
    }

    @Test
    void anOutageWithOnFailureFailIsExitOneAndPublishesNothing() {
        eduMe.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));

        Result result = hublinks("run", "catalog-cli-fail", "--date", "2026-11-03", "--hublinks.catalog.source=api",
                "--hublinks.catalog.api.on-failure=fail", EdumeStub.keyFromEnvironment());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).contains("failed in step refreshCatalog")
                .contains("GET /public/groups?page=1&pageSize=100 answered 503 (gave up after 2 tries)")
                .contains("on-failure: fail").doesNotContain(EdumeStub.API_KEY);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anOutageWithNoStoredCatalogFailsSayingSo() {
        eduMe.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));

        Result result = hublinks("run", "catalog-cli-nothing-stored", "--date", "2026-11-03",
                "--hublinks.catalog.source=api", EdumeStub.keyFromEnvironment());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no earlier night stored a catalog to fall back on");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void a401IsExitTwoNamingTheKeyVariableAndWhatEduMeSaid() {
        eduMe.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid api key\"}")));

        Result result = hublinks("run", "catalog-cli-401", "--date", "2026-11-03", "--hublinks.catalog.source=api",
                EdumeStub.keyFromEnvironment());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("hublinks: HUBLINKS_TEST_EDUME_API_KEY: eduMe refused the API key in"
                + " HUBLINKS_TEST_EDUME_API_KEY")
                .contains("{\"error\":\"invalid api key\"}").doesNotContain(EdumeStub.API_KEY);
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void noApiKeyIsExitTwoNamingTheVariable() {
        Result result = hublinks("catalog-snapshot", "catalog-cli-no-key", dir.resolve("snap").toString(),
                "--hublinks.catalog.api.key-env=HUBLINKS_TEST_UNSET_VARIABLE");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("hublinks.catalog.api.key-env").contains("HUBLINKS_TEST_UNSET_VARIABLE");
    }

    @Test
    void aNightFromTheApiWithoutItsKeyStopsBeforeStarting() throws Exception {
        Result result = hublinks("run", "catalog-cli-no-key-run", "--date", "2026-11-03", "--hublinks.catalog.source=api",
                "--hublinks.catalog.api.key-env=HUBLINKS_TEST_UNSET_VARIABLE");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("HUBLINKS_TEST_UNSET_VARIABLE");
        eduMe.verify(0, anyRequestedFor(anyUrl()));
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:catalog-cli-no-key-run", "sa", "");
             ResultSet instances = db.createStatement().executeQuery("select count(*) from batch_job_instance")) {
            instances.next();
            assertThat(instances.getLong(1)).isZero(); // no job instance: nothing to resume or clean up
        }
    }

    @Test
    void aSnapshotFromTheApiLetsANightRunOffline() {
        EdumeStub.sampleCatalog(eduMe);
        Path snapshot = dir.resolve("snapshot");

        Result taken = hublinks("catalog-snapshot", "catalog-cli-snapshot", snapshot.toString(),
                EdumeStub.keyFromEnvironment());

        assertThat(taken.exitCode()).as(taken.err()).isZero();
        assertThat(taken.out()).contains("2 groups, 5 teams, 4 courses");
        assertThat(snapshot.resolve("groups.json")).exists();
        assertThat(snapshot.resolve("group-101.json")).exists();
        assertThat(snapshot.resolve("courses-202.json")).exists();

        eduMe.resetAll(); // forgets the answers and the requests: the night must not ask eduMe anything
        Result night = hublinks("run", "catalog-cli-snapshot", "--date", "2026-11-04",
                "--hublinks.catalog.source=file", "--hublinks.catalog.file=" + snapshot);

        assertThat(night.exitCode()).as(night.err()).isZero();
        assertThat(Files.exists(dir.resolve("out/sample-nightly/2026-11-04/report.json"))).isTrue();
        eduMe.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theWebhooksCommandServesUntilStopped() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread receiver = new Thread(() -> exit.set(HublinksCommand.execute(new PrintWriter(out), new PrintWriter(err),
                "webhooks", "jobs/sample-nightly.yml", "--port", "0",
                "--hublinks.catalog.webhooks.secret-env=" + EdumeStub.webhookSecretVariable(),
                "--spring.datasource.url=jdbc:h2:mem:catalog-cli-webhooks-serve;DB_CLOSE_DELAY=-1")));
        receiver.start();
        Matcher listening = Pattern.compile("receiving eduMe webhooks on port (\\d+)").matcher("");
        for (int i = 0; i < 1200 && receiver.isAlive() && !listening.reset(out.toString()).find(); i++) {
            Thread.sleep(100); // waiting for Spring to start, not measuring anything
        }
        assertThat(listening.reset(out.toString()).find()).as(err.toString()).isTrue();

        byte[] body = Files.readAllBytes(EdumeStub.SAMPLES.resolve("webhooks/course.added.json"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + listening.group(1) + "/webhooks/edume"))
                .header("x-edume-signature", "fb9292f17076b2ad354f45830df15cab09281cfeeaf9720b5f663a5a1d1d2212")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        receiver.interrupt();
        receiver.join();

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(exit.get()).isZero();
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:catalog-cli-webhooks-serve", "sa", "");
             ResultSet events = db.createStatement().executeQuery("select event_type from webhook_event")) {
            assertThat(events.next()).isTrue();
            assertThat(events.getString(1)).isEqualTo("course.added");
        }
    }

    @Test
    void theWebhookReceiverNeedsItsSecret() {
        Result result = hublinks("webhooks", "catalog-cli-webhooks", "--port", "0",
                "--hublinks.catalog.webhooks.secret-env=HUBLINKS_TEST_UNSET_VARIABLE");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("hublinks.catalog.webhooks.secret-env").contains("HUBLINKS_TEST_UNSET_VARIABLE");
    }
}
