package com.example.hublinks.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The settings a plain database URL gets, and that a URL's own choice is kept. */
class ConnectionSettingsTest {

    static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        new ConnectionSettings().postProcessBeforeInitialization(pool, "dataSource");
        return pool;
    }

    /**
     * Fails at row 100,000 of 200,000: a query H2 computes whole before its first row fails at once,
     * one it runs lazily hands out its first rows and fails only when the reader gets that far.
     */
    static final String FAILS_HALFWAY = "select 1 / (x - 100000) from system_range(1, 200000)";

    /** The first row of {@link #FAILS_HALFWAY} as the pool's connection hands it out, or the failure. */
    static Object firstRow(HikariDataSource pool) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(FAILS_HALFWAY)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return e;
        }
    }

    @Test
    void anH2PoolStreamsResultsLazily() {
        try (HikariDataSource pool = pool("jdbc:h2:mem:lazy-test;DB_CLOSE_DELAY=-1")) {
            assertThat(pool.getConnectionInitSql()).isEqualTo(ConnectionSettings.H2_LAZY);
            // lazily: the first row arrives although row 100,000 would fail (1 / -99999 is 0 in integers)
            assertThat(firstRow(pool)).isEqualTo(0L);
        }
    }

    @Test
    void anH2UrlThatAsksForEagerQueriesKeepsThem() {
        try (HikariDataSource pool = pool("jdbc:h2:mem:eager-test;DB_CLOSE_DELAY=-1;LAZY_QUERY_EXECUTION=FALSE")) {
            assertThat(pool.getConnectionInitSql()).isNull();
            // eagerly: H2 computes every row before the first, so the query fails before any row is read
            assertThat(firstRow(pool)).isInstanceOf(SQLException.class);
        }
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
