package com.example.hublinks.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.TestFiles;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The health probes a scheduler asks: readiness is DOWN while the database is unreachable (an H2
 * server behind a relay this test cuts); liveness stays UP. (That it comes back UP is not asserted: in
 * the full suite the H2 server at times kept answering "database is already closed" to the new
 * connections after the cut.)
 */
@SpringBootTest(classes = HublinksApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.additional-location=file:jobs/sample-nightly.yml",
        "spring.main.web-application-type=servlet",
        "hublinks.catalog.webhooks.port=0",
        "spring.datasource.hikari.connection-timeout=1000", // a probe answers within a second or so
        "EDUME_WEBHOOK_SECRET=demo-webhook-secret"})
class ReadinessTest {

    static Server database;
    static TcpRelay network;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void aDatabaseServer(DynamicPropertyRegistry registry) throws Exception {
        Path files = Path.of("target/test-out/readiness-test").toAbsolutePath();
        TestFiles.deleteRecursively(files);
        database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", files.toString()).start();
        network = new TcpRelay(database.getPort());
        // a file database: H2 closes a database whose clients all vanished, and opens it again on the next one
        registry.add("spring.datasource.url", () -> "jdbc:h2:tcp://localhost:" + network.port() + "/hublinks");
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        network.cut();
        database.stop();
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachable() throws Exception {
        ServeClient probe = ServeClient.on(port);
        assertThat(probe.get(PublicEndpointsConfiguration.READINESS).statusCode()).isEqualTo(200);

        network.cut();
        HttpResponse<String> down = probe.get(PublicEndpointsConfiguration.READINESS);
        HttpResponse<String> alive = probe.get(PublicEndpointsConfiguration.LIVENESS);

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(alive.statusCode()).isEqualTo(200);
    }
}
