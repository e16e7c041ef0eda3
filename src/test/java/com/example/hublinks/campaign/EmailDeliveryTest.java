package com.example.hublinks.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.hublinks.link.IssuedLink;
import com.example.hublinks.link.LinkKind;
import com.example.hublinks.roster.Learner;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The delivery writer against SMTP replies GreenMail never gives: a 550 is recorded once and
 * never retried; a 451 is retried, left pending, and sent by the next run.
 */
class EmailDeliveryTest {

    static final LocalDate NIGHT = LocalDate.of(2026, 3, 2);

    ScriptedSmtpServer smtp;
    JdbcTemplate jdbc;
    DeliveryLedger ledger;
    EmailDelivery delivery;

    @BeforeEach
    void writerOnARealLedger() throws Exception {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:email-delivery-unit-test;DB_CLOSE_DELAY=-1",
                "sa", "");
        Flyway.configure().dataSource(db).load().migrate();
        jdbc = new JdbcTemplate(db);
        jdbc.update("delete from delivery");
        ledger = new DeliveryLedger(jdbc, new DataSourceTransactionManager(db), Clock.systemUTC());
        smtp = new ScriptedSmtpServer();
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.port());
        CampaignSettings.Email settings = new CampaignSettings.Email(true, true, "learning@example.com",
                "Hi {{first_name}}", false, null, null, 1000, 2, Duration.ofMillis(1));
        delivery = new EmailDelivery(mail, new EmailTemplates(settings), ledger, settings, "job", NIGHT, 1);
    }

    @AfterEach
    void stop() throws Exception {
        smtp.close();
    }

    @Test
    void aMailboxThatDoesNotExistIsRecordedOnceAndNeverRetried() throws Exception {
        smtp.reply("gone@example.com", "550 5.1.1 <gone@example.com>: mailbox unavailable");

        delivery.write(new Chunk<>(row("E1", "ok@example.com"), row("E2", "gone@example.com")));
        delivery.write(new Chunk<>(row("E1", "ok@example.com"), row("E2", "gone@example.com"))); // a rerun

        assertThat(smtp.accepted()).containsExactly("ok@example.com");
        assertThat(statusOf("E1")).containsEntry("STATUS", "sent");
        assertThat(statusOf("E2")).containsEntry("STATUS", "failed").containsEntry("ATTEMPTS", 1);
        assertThat((String) statusOf("E2").get("LAST_ERROR")).contains("550 5.1.1");
        assertThat(ledger.problems("job", 1)).singleElement().asString().contains("E2: failed for good").contains("550");
    }

    @Test
    void aTemporaryRefusalIsRetriedThenLeftPendingForTheNextRun() throws Exception {
        smtp.reply("busy@example.com", "451 4.7.1 greylisted, try again later");

        assertThatThrownBy(() -> delivery.write(new Chunk<>(row("E3", "busy@example.com"))))
                .isInstanceOf(EmailDelivery.SmtpUnavailableException.class).hasMessageContaining("451 4.7.1");
        assertThat(statusOf("E3")).containsEntry("STATUS", "pending").containsEntry("ATTEMPTS", 2);
        assertThat(smtp.accepted()).isEmpty();

        smtp.reply("busy@example.com", null);
        delivery.write(new Chunk<>(row("E3", "busy@example.com")));

        assertThat(smtp.accepted()).containsExactly("busy@example.com");
        assertThat(statusOf("E3")).containsEntry("STATUS", "sent").containsEntry("ATTEMPTS", 3);
        assertThat(ledger.statusCounts("job", 1)).containsEntry("sent", 1L).containsEntry("pending", 0L);
    }

    private Map<String, Object> statusOf(String user) {
        return jdbc.queryForMap("select status, attempts, last_error from delivery where external_user_id = ?", user);
    }

    private static CampaignRow row(String user, String email) {
        return new CampaignRow(new Learner(user, "Sam", "Lee", email, "", List.of(5L), null, 2),
                new IssuedLink(LinkKind.DASHBOARD, "", "https://learn.edume.com/e/d/?g=5&e=" + user + "&sig=00"), "new");
    }
}
