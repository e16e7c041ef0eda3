package com.example.hublinks.job;

import com.example.hublinks.HublinksApplication;
import com.example.hublinks.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same end-to-end scenarios as {@link NightlyJobTest}, with PostgreSQL as the application
 * database: Spring Batch's job repository, the Flyway migrations and every hublinks table.
 */
@SpringBootTest(classes = HublinksApplication.class, properties = {
        "spring.config.additional-location=file:jobs/sample-nightly.yml",
        "hublinks.campaign.out-dir=target/test-out/nightly-job-postgres-test"})
class NightlyJobPostgresTest extends NightlyJobTest {

    static final EmbeddedPostgres POSTGRES = TestDatabase.startPostgres();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabase.usePostgres(registry, POSTGRES);
    }
}
