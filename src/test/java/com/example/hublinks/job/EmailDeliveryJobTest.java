package com.example.hublinks.job;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.TestDatabase;
import com.example.hublinks.TestFiles;
import com.example.hublinks.cli.HublinksCommand;
import com.example.hublinks.support.ExitCodes;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import static org.assertj.core.api.Assertions.assertThat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Email delivery end to end against a real SMTP server (GreenMail) on a free port: every learner
 * once, never twice — not on a rerun, not on {@code --force}, not after the server died mid-way.
 */
@SpringBatchTest
@SpringBootTest(classes = HublinksApplication.class, properties = {
        "spring.config.additional-location=file:jobs/sample-nightly.yml",
        "spring.datasource.url=jdbc:h2:mem:email-delivery-test;DB_CLOSE_DELAY=-1",
        "hublinks.campaign.out-dir=target/test-out/email-delivery-test",
        "hublinks.campaign.email.send=true",
        "hublinks.campaign.email.rate-per-second=1000",
        "hublinks.campaign.email.max-attempts=2",
        "hublinks.campaign.email.retry-backoff=10ms",
        "hublinks.campaign.email.subject=Hi {{first_name}}, your training",
        "spring.mail.host=127.0.0.1",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=5000"})
class EmailDeliveryJobTest {

    static final int SMTP_PORT = freePort();
    static final Path OUT = Path.of("target/test-out/email-delivery-test/sample-nightly");
    static final LocalDate NIGHT = LocalDate.of(2026, 2, 2);
    static final Pattern LINK = Pattern.compile("https://learn\\.edume\\.com/\\S+&sig=[0-9a-f]{64}");

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JobRepositoryTestUtils jobRepository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    GreenMail smtp;

    @BeforeEach
    void cleanSlate() {
        TestDatabase.forgetAllNights(jobRepository, jdbc);
        TestFiles.deleteRecursively(OUT);
        smtp = startSmtp();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void everyLearnerGetsTheirOwnLinkOnceAndARerunOrForceSendsNothing() throws Exception {
        assertThat(run(NIGHT, null, false).exitCode()).isZero();

        Map<String, String> exported = emailCsvLinks(NIGHT);
        assertThat(exported).hasSize(48);
        Map<String, String> received = receivedLinks(smtp);
        assertThat(received).isEqualTo(exported); // the right address, each with its own link
        assertThat(received.values()).allSatisfy(link -> assertThat(TestFiles.signatureHolds(link, TestFiles.DEMO_SECRET))
                .as(link).isTrue());
        MimeMessage amelia = smtp.getReceivedMessagesForDomain("amelia.smith@example.com")[0];
        assertThat(amelia.getSubject()).isEqualTo("Hi Amelia, your training");
        assertThat(part(amelia, "text/html")).contains("Hi Amelia,").contains("href=\"https://learn.edume.com/e/d/?g=");
        assertThat(report(NIGHT).at("/counts/emailsSent").asLong()).isEqualTo(48);
        assertThat(jdbc.queryForObject("select count(*) from delivery where status = 'sent'", Long.class)).isEqualTo(48);
        JsonNode manifest = json.readTree(OUT.resolve(NIGHT.toString()).resolve("manifest.json").toFile());
        assertThat(manifest.at("/email.csv/rows").asLong()).isEqualTo(48);
        assertThat(manifest.at("/sms.csv/rows").asLong()).isEqualTo(48);
        assertThat(manifest.at("/inapp.jsonl/rows").asLong()).isEqualTo(50);
        for (String file : List.of("email.csv", "sms.csv", "inapp.jsonl", "rejects.csv", "report.json")) {
            assertThat(manifest.at("/" + file + "/sha256").asString()).as(file).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(OUT.resolve(NIGHT.toString()).resolve(file)))));
        }
        assertThat(jdbc.queryForList("select link_hash from delivery", String.class))
                .allSatisfy(hash -> assertThat(hash).matches("[0-9a-f]{64}")); // the hash, never the link

        NightlyRun.Outcome again = run(NIGHT, null, false);
        assertThat(again.message()).contains("already completed");
        NightlyRun.Outcome forced = run(NIGHT, null, true);
        assertThat(forced.exitCode()).as(forced.message()).isZero();

        assertThat(smtp.getReceivedMessages()).hasSize(48);
        assertThat(report(NIGHT).at("/counts/emailsSent").asLong()).isZero(); // the forced run sent none
    }

    @Test
    void aServerThatFailsAfterKMessagesGetsExactlyTheRestOnRestart() throws Exception {
        int k = 17;
        smtp.stop();
        smtp = startSmtp(freePort());
        NightlyRun.Outcome failed;
        try (FlakySmtpRelay relay = new FlakySmtpRelay(SMTP_PORT, smtp.getSmtp().getPort(), k)) {
            failed = run(NIGHT, null, false);
        }

        assertThat(failed.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.message()).contains("deliverEmail").contains("SMTP server still fails");
        Set<String> first = receivedLinks(smtp).keySet();
        assertThat(first).hasSize(k);
        assertThat(jdbc.queryForObject("select count(*) from delivery where status = 'sent'", Long.class)).isEqualTo(k);
        assertThat(jdbc.queryForObject("select count(*) from delivery where status = 'pending'", Long.class)).isEqualTo(1);

        smtp.stop();
        smtp = startSmtp(); // the server is back, empty
        NightlyRun.Outcome resumed = run(NIGHT, null, false);

        assertThat(resumed.exitCode()).as(resumed.message()).isZero();
        Map<String, String> second = receivedLinks(smtp);
        assertThat(second).hasSize(48 - k);
        assertThat(second.keySet()).doesNotContainAnyElementsOf(first);
        Set<String> everyone = new HashSet<>(first);
        everyone.addAll(second.keySet());
        assertThat(everyone).isEqualTo(emailCsvLinks(NIGHT).keySet());
        assertThat(report(NIGHT).at("/counts/emailsSent").asLong()).isEqualTo(48); // the night, its restart included
    }

    @Test
    void aMessageTheServerMayHaveTakenWhenItDiedIsNeverSentAgain() throws Exception {
        int k = 5;
        stopWhileAnswering(smtp, k); // the k-th message is stored, but its session breaks before the client hears so

        assertThat(run(NIGHT, null, false).exitCode()).isEqualTo(ExitCodes.FAILED);
        Set<String> first = receivedLinks(smtp).keySet();
        assertThat(first).hasSize(k);

        smtp.stop();
        smtp = startSmtp();
        assertThat(run(NIGHT, null, false).exitCode()).isZero();

        Map<String, String> second = receivedLinks(smtp);
        assertThat(second).hasSize(48 - k);
        assertThat(second.keySet()).doesNotContainAnyElementsOf(first); // at most once, even for the unconfirmed one
        JsonNode delivery = report(NIGHT).get("delivery");
        assertThat(delivery.get("sent").asLong()).isEqualTo(47);
        assertThat(delivery.get("unconfirmed").asLong()).isEqualTo(1);
        assertThat(delivery.get("problems").toString()).contains("E1006") // the 5th with an email (E1004 has none)
                .contains("unconfirmed");
    }

    @Test
    void theNextNightEmailsOnlyTheNewAndChangedLearners() throws Exception {
        assertThat(run(NIGHT, null, false).exitCode()).isZero();
        Path roster = Path.of("target/test-out/email-delivery-test/roster-night2.csv");
        String night2 = TestFiles.read(Path.of("sample-data/roster.csv"))
                .replace("E1002,Oliver,Jones,oliver.jones@example.com,+44 7958 573780,London",
                        "E1002,Oliver,Jones,oliver.jones@example.com,+44 7958 573780,Manchester")
                + "E1099,Nadia,Haddad,nadia.haddad@example.com,07958 123456,London\r\n";
        Files.writeString(roster, night2, StandardCharsets.UTF_8);
        GreenMail first = smtp;
        first.stop();
        smtp = startSmtp();

        NightlyRun.Outcome outcome = run(NIGHT.plusDays(1), roster.toString(), false);

        assertThat(outcome.exitCode()).as(outcome.message()).isZero();
        Map<String, String> received = receivedLinks(smtp);
        assertThat(received.keySet()).containsExactlyInAnyOrder("oliver.jones@example.com", "nadia.haddad@example.com");
        assertThat(received.get("oliver.jones@example.com")).contains("g=6&e=E1002"); // his new team's link
        assertThat(received.values()).allSatisfy(link -> assertThat(TestFiles.signatureHolds(link, TestFiles.DEMO_SECRET)).isTrue());
        assertThat(report(NIGHT.plusDays(1)).at("/counts/emailsSent").asLong()).isEqualTo(2);
    }

    @Test
    void previewWritesTheEmailOneLearnerWouldGet() throws Exception {
        assertThat(run(NIGHT, null, false).exitCode()).isZero();
        Path dir = Path.of("target/test-out/email-delivery-test/preview");
        String db = "--spring.datasource.url=jdbc:h2:mem:email-delivery-test;DB_CLOSE_DELAY=-1";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = HublinksCommand.execute(new PrintWriter(out), new PrintWriter(err), "preview", "jobs/sample-nightly.yml",
                "--user", "E1001", "--out", dir.toString(), db);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("To:      amelia.smith@example.com").contains("Subject: Your training on eduMe");
        String link = jdbc.queryForObject("select url from learner_link where external_user_id = 'E1001'", String.class);
        assertThat(TestFiles.read(dir.resolve("E1001.txt"))).startsWith("Hi Amelia,").contains(link);
        assertThat(TestFiles.read(dir.resolve("E1001.html"))).contains("href=\"" + link.replace("&", "&amp;") + "\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("E1001.html")))).isEqualTo("rw-------");

        StringWriter unknownErr = new StringWriter();
        assertThat(HublinksCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(unknownErr), "preview",
                "jobs/sample-nightly.yml", "--user", "nobody", "--out", dir.toString(), db)).isEqualTo(ExitCodes.SETTINGS);
        assertThat(unknownErr.toString()).contains("--user: 'nobody' has no live link");
    }

    @Test
    void sendingWithoutAnSmtpServerOrWithABadTemplateStopsBeforeAnyWork() throws Exception {
        Path template = Path.of("target/test-out/email-delivery-test/typo.txt.mustache");
        Files.createDirectories(template.getParent());
        Files.writeString(template, "Hi {{frist_name}}: {{link}}");
        String db = "--spring.datasource.url=jdbc:h2:mem:email-delivery-settings-test;DB_CLOSE_DELAY=-1";
        Path out = Path.of("target/test-out/email-delivery-test/settings");
        String outDir = "--hublinks.campaign.out-dir=" + out;

        StringWriter noHost = new StringWriter();
        assertThat(HublinksCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(noHost), "run",
                "jobs/sample-nightly.yml", "--hublinks.campaign.email.send=true", db, outDir)).isEqualTo(ExitCodes.SETTINGS);
        assertThat(noHost.toString().strip())
                .isEqualTo("hublinks: spring.mail.host: is required when hublinks.campaign.email.send is true");

        StringWriter typo = new StringWriter();
        assertThat(HublinksCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(typo), "run",
                "jobs/sample-nightly.yml", "--hublinks.campaign.email.send=true", "--spring.mail.host=127.0.0.1",
                "--hublinks.campaign.email.text-template=" + template, db, outDir)).isEqualTo(ExitCodes.SETTINGS);
        assertThat(typo.toString()).contains("hublinks.campaign.email.text-template").contains("frist_name");
        assertThat(out).doesNotExist(); // nothing ran
    }

    private NightlyRun.Outcome run(LocalDate night, String roster, boolean force) throws Exception {
        return nightlyRun.run(new NightlyRun.Request(night, roster, force, false));
    }

    private JsonNode report(LocalDate night) {
        return json.readTree(OUT.resolve(night.toString()).resolve("report.json").toFile());
    }

    static GreenMail startSmtp() {
        return startSmtp(SMTP_PORT);
    }

    static GreenMail startSmtp(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** The server stores the k-th message and goes away before that session ends, as a crashing relay would. */
    static void stopWhileAnswering(GreenMail server, int k) {
        AtomicInteger delivered = new AtomicInteger();
        UserManager users = server.getUserManager();
        users.setMessageDeliveryHandler((message, address) -> {
            if (delivered.incrementAndGet() == k) {
                server.getSmtp().stopService(); // closes the listener and every open session, this one too
            }
            GreenMailUser user = users.getUserByEmail(address.getEmail());
            return user != null ? user : users.createUser(address.getEmail(), address.getEmail(), address.getEmail());
        });
    }

    /** Recipient → the link in the text part, for every message the server received. */
    static Map<String, String> receivedLinks(GreenMail server) throws Exception {
        Map<String, String> links = new HashMap<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            String to = message.getAllRecipients()[0].toString();
            Matcher link = LINK.matcher(part(message, "text/plain"));
            assertThat(link.find()).as("a link in the message to " + to).isTrue();
            assertThat(links.put(to, link.group())).as("a second message to " + to).isNull();
        }
        return links;
    }

    static Map<String, String> emailCsvLinks(LocalDate night) throws Exception {
        Map<String, String> links = new HashMap<>();
        NightlyJobTest.csv(OUT.resolve(night.toString()).resolve("email.csv"))
                .forEach(row -> links.put(row.get("email"), row.get("link")));
        return links;
    }

    static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = part(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
