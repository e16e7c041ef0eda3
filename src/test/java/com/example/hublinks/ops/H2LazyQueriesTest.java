package com.example.hublinks.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which connection pools run their queries lazily: H2 ones, unless the URL chose for itself. */
class H2LazyQueriesTest {

    static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        new H2LazyQueries().postProcessBeforeInitialization(pool, "dataSource");
        return pool;
    }

    @Test
    void anH2PoolStreamsResultsLazily() {
        try (HikariDataSource pool = pool("jdbc:h2:mem:lazy-test;DB_CLOSE_DELAY=-1")) {
            assertThat(pool.getConnectionInitSql()).isEqualTo(H2LazyQueries.LAZY);
            // the statement is valid H2: the pool's connections open, and a large result streams through
            long rows = new JdbcTemplate(pool).queryForObject("select count(*) from system_range(1, 200000)", Long.class);
            assertThat(rows).isEqualTo(200_000);
        }
    }

    @Test
    void otherDatabasesAndUrlsThatSetTheModeAreLeftAlone() {
        assertThat(pool("jdbc:postgresql://localhost/hublinks").getConnectionInitSql()).isNull();
        assertThat(pool("jdbc:h2:mem:eager;LAZY_QUERY_EXECUTION=FALSE").getConnectionInitSql()).isNull();
    }
}
