package com.example.hublinks.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The settings a plain database URL gets, and that a URL's own choice is kept. */
class ConnectionSettingsTest {

    static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        new ConnectionSettings().postProcessBeforeInitialization(pool, "dataSource");
        return pool;
    }

    @Test
    void anH2PoolStreamsResultsLazily() {
        try (HikariDataSource pool = pool("jdbc:h2:mem:lazy-test;DB_CLOSE_DELAY=-1")) {
            assertThat(pool.getConnectionInitSql()).isEqualTo(ConnectionSettings.H2_LAZY);
            // the statement is valid H2: the pool's connections open, and a large result streams through
            long rows = new JdbcTemplate(pool).queryForObject("select count(*) from system_range(1, 200000)", Long.class);
            assertThat(rows).isEqualTo(200_000);
        }
        assertThat(pool("jdbc:h2:mem:eager;LAZY_QUERY_EXECUTION=FALSE").getConnectionInitSql()).isNull();
    }

    @Test
    void aPostgresPoolBatchesInsertsAndKeepsRowValuesOutOfErrors() {
        HikariDataSource pool = pool("jdbc:postgresql://localhost/hublinks");
        assertThat(pool.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true")
                .containsEntry("logServerErrorDetail", "false");
        assertThat(pool.getConnectionInitSql()).isNull();

        HikariDataSource own = pool("jdbc:postgresql://localhost/hublinks?reWriteBatchedInserts=false");
        assertThat(own.getDataSourceProperties()).doesNotContainKey("reWriteBatchedInserts")
                .containsEntry("logServerErrorDetail", "false");
    }

    @Test
    void anH2FileIsSharedByTheProcessesOfItsHostUnlessTheUrlSaysOtherwise() {
        assertThat(ConnectionSettings.sharedH2File("jdbc:h2:file:./data/x"))
                .isEqualTo("jdbc:h2:file:./data/x;AUTO_SERVER=TRUE");
        assertThat(ConnectionSettings.sharedH2File("jdbc:h2:./data/x;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:./data/x;WRITE_DELAY=0;AUTO_SERVER=TRUE");
        assertThat(ConnectionSettings.sharedH2File("jdbc:h2:~/x")).isEqualTo("jdbc:h2:~/x;AUTO_SERVER=TRUE");
        for (String kept : new String[] {"jdbc:h2:file:./data/x;AUTO_SERVER=TRUE", "jdbc:h2:file:./data/x;auto_server=false",
                "jdbc:h2:file:./data/x;FILE_LOCK=NO", "jdbc:h2:mem:x", "jdbc:h2:tcp://db/x", "jdbc:postgresql://db/x"}) {
            assertThat(ConnectionSettings.sharedH2File(kept)).isEqualTo(kept);
        }
        assertThat(pool("jdbc:h2:file:./data/x").getJdbcUrl()).isEqualTo("jdbc:h2:file:./data/x;AUTO_SERVER=TRUE");
    }
}
