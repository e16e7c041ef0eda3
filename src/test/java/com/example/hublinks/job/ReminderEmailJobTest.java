package com.example.hublinks.job;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.TestDatabase;
import com.example.hublinks.TestFiles;
import com.example.hublinks.reminder.ReminderFiles;
import com.example.hublinks.support.ExitCodes;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import static com.example.hublinks.job.EmailDeliveryJobTest.freePort;
import static com.example.hublinks.job.EmailDeliveryJobTest.part;
import static com.example.hublinks.job.EmailDeliveryJobTest.receivedLinks;
import static com.example.hublinks.job.EmailDeliveryJobTest.startSmtp;
import static org.assertj.core.api.Assertions.assertThat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminder emails ({@code hublinks.reminders.email.send}) against a real SMTP server (GreenMail):
 * a server that fails half-way fails the night in remindLearners, the resumed night sends exactly
 * the reminders that were not sent and writes the files an uninterrupted night writes, and a
 * {@code --force} of the night sends none again. Ten learners per chunk, so the failure is mid-step.
 */
@SpringBatchTest
@SpringBootTest(classes = HublinksApplication.class, properties = {
        "spring.config.additional-location=file:jobs/sample-nightly.yml",
        "spring.datasource.url=jdbc:h2:mem:reminder-email-test;DB_CLOSE_DELAY=-1",
        "hublinks.campaign.out-dir=target/test-out/reminder-email-test",
        "hublinks.campaign.email.rate-per-second=1000",
        "hublinks.campaign.email.max-attempts=2",
        "hublinks.campaign.email.retry-backoff=10ms",
        "hublinks.job.chunk-size=10",
        "hublinks.reminders.courses=123",
        "hublinks.reminders.due=2027-01-31",
        "hublinks.reminders.email.send=true",
        "spring.mail.host=127.0.0.1",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=5000"})
class ReminderEmailJobTest {

    static final int SMTP_PORT = freePort();
    static final Path OUT = Path.of("target/test-out/reminder-email-test/sample-nightly");
    static final LocalDate NIGHT = LocalDate.of(2026, 3, 2);

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
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    NightlyRun.Outcome run(boolean force) throws Exception {
        return nightlyRun.run(new NightlyRun.Request(NIGHT, null, force, false));
    }

    @Test
    void eachReminderIsEmailedExactlyOnceAcrossAFailedRunItsResumeAndAForce() throws Exception {
        int k = 17;
        smtp = startSmtp(freePort());
        NightlyRun.Outcome failed;
        try (FlakySmtpRelay relay = new FlakySmtpRelay(SMTP_PORT, smtp.getSmtp().getPort(), k)) {
            failed = run(false);
        }
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.message()).contains("remindLearners").contains("SMTP server still fails");
        Set<String> first = receivedLinks(smtp).keySet();
        assertThat(first).hasSize(k);
        assertThat(jdbc.queryForObject("select count(*) from delivery where message = 'reminder' and status = 'sent'",
                Long.class)).isEqualTo(k);

        smtp.stop();
        smtp = startSmtp(SMTP_PORT); // the server is back, empty
        NightlyRun.Outcome resumed = run(false);

        assertThat(resumed.exitCode()).as(resumed.message()).isZero();
        Map<String, String> second = receivedLinks(smtp);
        assertThat(second.keySet()).doesNotContainAnyElementsOf(first);
        List<Map<String, String>> file = TestFiles.csv(OUT.resolve(NIGHT.toString()).resolve(ReminderFiles.EMAIL));
        Map<String, String> exported = new HashMap<>();
        file.forEach(row -> exported.put(row.get("email"), row.get("link")));
        assertThat(file).hasSize(exported.size()).allSatisfy(row -> assertThat(row.get("reminder")).isEqualTo("1"));
        Set<String> everyone = new HashSet<>(first);
        everyone.addAll(second.keySet());
        assertThat(everyone).isEqualTo(exported.keySet());
        assertThat(second).allSatisfy((to, link) -> assertThat(link).isEqualTo(exported.get(to)).contains("/e/c/123?g="));
        for (MimeMessage message : smtp.getReceivedMessages()) {
            assertThat(message.getSubject()).isEqualTo("Please finish Road safety basics by 2027-01-31");
            assertThat(part(message, "text/plain")).startsWith("Hi ").contains("\"Road safety basics\"")
                    .contains("by 2027-01-31");
        }
        assertThat(jdbc.queryForObject("select count(*) from reminder", Long.class)).as("one reminder each in the ledger")
                .isEqualTo(jdbc.queryForObject("select count(distinct external_user_id) from reminder", Long.class))
                .isGreaterThanOrEqualTo(exported.size());
        JsonNode report = json.readTree(OUT.resolve(NIGHT.toString()).resolve("report.json").toFile());
        assertThat(report.at("/reminders/emailsSent").asLong()).isEqualTo(exported.size()); // the night, its resume included
        assertThat(report.at("/reminders/courses/0/remindedTonight").asLong()).as("counted on after the resume")
                .isEqualTo(38).isEqualTo(jdbc.queryForObject("select count(*) from reminder", Long.class));
        assertThat(report.at("/counts/emailsSent").asLong()).as("the campaign's own").isZero();

        NightlyRun.Outcome forced = run(true);
        assertThat(forced.exitCode()).as(forced.message()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(second.size());
        JsonNode again = json.readTree(OUT.resolve(NIGHT.toString()).resolve("report.json").toFile());
        assertThat(again.at("/reminders/remindedTonight").isMissingNode()).isTrue();
        assertThat(again.at("/reminders/courses/0/remindedTonight").asLong()).isEqualTo(report.at(
                "/reminders/courses/0/remindedTonight").asLong()); // the same reminders, in the files again
        assertThat(again.at("/reminders/emailsSent").asLong()).isZero();
    }
}
