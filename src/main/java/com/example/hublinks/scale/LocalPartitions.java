package com.example.hublinks.scale;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;

/**
 * The partitions of a local {@code signLinks} ({@code hublinks.scale.mode: local}): as many as
 * {@link ScaleSettings#gridSize} allows with the application's connection pool, each on a thread
 * of its own.
 */
public record LocalPartitions(int gridSize) {

    /** For the connection pool of {@code dataSource} (Hikari's; any other sets no limit): too many stop the start. */
    public static LocalPartitions of(ScaleSettings scale, DataSource dataSource) {
        int poolSize = dataSource instanceof HikariDataSource pool ? pool.getMaximumPoolSize() : Integer.MAX_VALUE;
        return new LocalPartitions(scale.gridSize(poolSize));
    }

    /** One thread per partition, at most {@link #gridSize} at a time. */
    public TaskExecutor threads() {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("sign-");
        threads.setConcurrencyLimit(gridSize);
        return threads;
    }
}
