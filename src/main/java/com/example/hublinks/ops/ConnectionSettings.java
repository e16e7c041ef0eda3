package com.example.hublinks.ops;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Per-database settings of the application's connection pool, so that a plain URL is fast and
 * discreet; a URL that sets one itself keeps its own.
 * <ul>
 * <li>H2: queries run lazily ({@code SET LAZY_QUERY_EXECUTION TRUE}). By default H2 computes a
 * whole result before its first row and spills it to a temporary file beyond 40,000 rows: the
 * streamed reads of a million staged learners or links were written to disk and read back.</li>
 * <li>An H2 file database is shared by the processes of its host ({@code AUTO_SERVER=TRUE}, as the
 * default URL has it). Without it the first process to open the file locks every other out, so a
 * second run could not read the run lock that tells it another run holds the job (it failed with
 * H2's "The file is locked"), and {@code status} could not look at a night in progress. A URL that
 * sets {@code AUTO_SERVER} or {@code FILE_LOCK} itself is left alone.</li>
 * <li>PostgreSQL: {@code reWriteBatchedInserts=true} turns the link writer's JDBC batches into
 * multi-row inserts; {@code logServerErrorDetail=false} keeps the row values of a failed
 * statement (names, emails, signed links) out of exception messages, hence out of the logs.</li>
 * </ul>
 */
@Component
class ConnectionSettings implements BeanPostProcessor {

    static final String H2_LAZY = "SET LAZY_QUERY_EXECUTION TRUE";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            String url = sharedH2File(pool.getJdbcUrl());
            pool.setJdbcUrl(url);
            if (url.startsWith("jdbc:h2:") && !mentions(url, "LAZY_QUERY_EXECUTION") && pool.getConnectionInitSql() == null) {
                pool.setConnectionInitSql(H2_LAZY);
            }
            if (url.startsWith("jdbc:postgresql:")) {
                driverDefault(pool, "reWriteBatchedInserts", "true");
                driverDefault(pool, "logServerErrorDetail", "false");
            }
        }
        return bean;
    }

    /** An H2 file URL with {@code AUTO_SERVER=TRUE} added when it says nothing of how the file is shared; others as they are. */
    static String sharedH2File(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        String database = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        // file:x, ./x, ~/x, /x, C:/x are files; mem:, tcp://, ssl://, zip:… are not (a scheme of two letters or more)
        boolean file = database.startsWith("file:") || !database.matches("[A-Za-z]{2,}:.*");
        if (!file || mentions(url, "AUTO_SERVER") || mentions(url, "FILE_LOCK")) {
            return url;
        }
        return url + ";AUTO_SERVER=TRUE";
    }

    private static void driverDefault(HikariDataSource pool, String property, String value) {
        if (!mentions(pool.getJdbcUrl(), property) && !pool.getDataSourceProperties().containsKey(property)) {
            pool.addDataSourceProperty(property, value);
        }
    }

    private static boolean mentions(String url, String setting) {
        return url.toUpperCase(Locale.ROOT).contains(setting.toUpperCase(Locale.ROOT));
    }
}
