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
            String url = pool.getJdbcUrl();
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

    private static void driverDefault(HikariDataSource pool, String property, String value) {
        if (!mentions(pool.getJdbcUrl(), property) && !pool.getDataSourceProperties().containsKey(property)) {
            pool.addDataSourceProperty(property, value);
        }
    }

    private static boolean mentions(String url, String setting) {
        return url.toUpperCase(Locale.ROOT).contains(setting.toUpperCase(Locale.ROOT));
    }
}
