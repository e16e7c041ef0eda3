package com.example.hublinks;

import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.jdbc.core.JdbcTemplate;

/** Resets what nights leave in a test database, so each test starts from a first night. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** Forgets every run (Spring Batch's tables), every issued link, staged roster and delivery. */
    public static void forgetAllNights(JobRepositoryTestUtils jobRepository, JdbcTemplate jdbc) {
        jobRepository.removeJobExecutions();
        for (String table : new String[] {"delivery", "learner_link", "roster_learner", "roster_reject", "roster_warning",
                "roster_import"}) {
            jdbc.update("delete from " + table);
        }
    }
}
