package com.example.hublinks.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.hublinks.catalog.EdumeStub;
import com.example.hublinks.web.UsersFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hublinks serve} as systemd or Kubernetes stop it: SIGTERM closes the port at once and the
 * request in progress (a webhook whose body is still arriving) is finished and answered.
 */
class ServeShutdownTest {

    static final String ADDED = "fb9292f17076b2ad354f45830df15cab09281cfeeaf9720b5f663a5a1d1d2212";

    @TempDir
    Path home;

    @Test
    void sigtermClosesThePortAndFinishesTheRequestInProgress() throws Exception {
        Path users = home.resolve("users");
        UsersFile.add(users, "hr1", UsersFile.Role.HR, "Sample-pass-42".toCharArray());
        List<String> args = new ArrayList<>(List.of("--port", "0", "--hublinks.serve.users-file=" + users,
                "--hublinks.catalog.webhooks.secret-env=" + EdumeStub.webhookSecretVariable()));
        args.addAll(ChildRun.settings(home));
        ChildRun serve = ChildRun.launch(home, "serve", "serve", args);
        try {
            assertThat(serve.awaitLines(line -> line.contains("serving sample-nightly on port"), 1)).as(serve.log()).isTrue();
            Matcher listening = Pattern.compile("on port (\\d+)").matcher(serve.log());
            assertThat(listening.find()).isTrue();
            int port = Integer.parseInt(listening.group(1));
            byte[] body = Files.readAllBytes(EdumeStub.SAMPLES.resolve("webhooks/course.added.json"));

            try (Socket delivery = new Socket("localhost", port)) {
                OutputStream out = delivery.getOutputStream();
                out.write(("POST /webhooks/edume HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "x-edume-signature: " + ADDED + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length / 2);
                out.flush();
                // another delivery answered in full: the server has taken the first one's request line by now
                assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health/liveness")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

                serve.process().destroy(); // SIGTERM
                awaitRefused(port);
                assertThat(serve.process().isAlive()).as("waits for the request in progress").isTrue();

                out.write(Arrays.copyOfRange(body, body.length / 2, body.length));
                out.flush();
                assertThat(response(delivery.getInputStream())).startsWith("HTTP/1.1 202");
            }
            assertThat(serve.waitForExit()).isIn(0, 143); // 143: ended by SIGTERM, as the JVM reports it
        } finally {
            serve.process().destroyForcibly();
        }
        try (Connection db = DriverManager.getConnection(ChildRun.jdbcUrl(home), "sa", "");
             ResultSet stored = db.createStatement().executeQuery("select event_type from webhook_event")) {
            assertThat(stored.next()).isTrue();
            assertThat(stored.getString(1)).isEqualTo("course.added");
        }
    }

    /** Waits until the port takes no new connection (bounded: the process is killed after the test anyway). */
    private static void awaitRefused(int port) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("localhost", port), 1000);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                // not refused yet (reset or timed out): try again
            }
            Thread.sleep(10);
        }
        throw new AssertionError("port " + port + " still takes connections after SIGTERM");
    }

    private static String response(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
