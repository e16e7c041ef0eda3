package com.example.hublinks.ops;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On H2, every connection of the pool runs queries lazily ({@code SET LAZY_QUERY_EXECUTION TRUE}).
 * By default H2 computes a whole result before returning its first row, spilling it to a
 * temporary file beyond 40,000 rows: the streamed reads of a million staged learners or links
 * were written to disk and read back. A URL that sets the mode itself is left alone.
 */
@Component
class H2LazyQueries implements BeanPostProcessor {

    static final String LAZY = "SET LAZY_QUERY_EXECUTION TRUE";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:h2:")
                && !pool.getJdbcUrl().toUpperCase(Locale.ROOT).contains("LAZY_QUERY_EXECUTION")
                && pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql(LAZY);
        }
        return bean;
    }
}
