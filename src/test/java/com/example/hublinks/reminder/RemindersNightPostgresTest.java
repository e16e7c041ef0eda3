package com.example.hublinks.reminder;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The nights of {@link RemindersNightTest} with PostgreSQL as the application database: V12 and every reminders query. */
@SpringBootTest(classes = HublinksApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet",
        "hublinks.catalog.webhooks.port=0",
        "spring.config.additional-location=file:jobs/sample-nightly.yml",
        "hublinks.campaign.out-dir=target/test-out/reminders-night-postgres-test",
        "hublinks.reminders.courses=123",
        "hublinks.reminders.due=2026-03-05",
        "hublinks.reminders.every=7d",
        "hublinks.reminders.max=2",
        "EDUME_WEBHOOK_SECRET=demo-webhook-secret"})
class RemindersNightPostgresTest extends RemindersNightTest {

    static final EmbeddedPostgres POSTGRES = TestDatabase.startPostgres();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabase.usePostgres(registry, POSTGRES);
    }
}
