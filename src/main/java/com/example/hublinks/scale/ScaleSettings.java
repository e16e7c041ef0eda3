package com.example.hublinks.scale;

import com.example.hublinks.support.SettingsException;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How a night uses the machine: {@code partitions} threads sign links, each on its own range of
 * user ids (0: one per core). Items per transaction are {@code job.chunk-size}. With {@code mode:
 * remote} the partitions are sent to {@code hublinks worker} processes over the shared PostgreSQL
 * instead (remote partitioning): {@code poll-interval} is how often the manager checks their
 * progress and an idle worker looks for work; after {@code timeout} the manager fails the night.
 *
 * @param rosterMemory how much memory importRoster may hold the stored learners in; a roster
 *                     with more learners than fit (about 2.4 million in 64MB) is read in passes
 */
public record ScaleSettings(@DefaultValue("0") int partitions, @DefaultValue("local") Mode mode,
                            @DefaultValue("1s") Duration pollInterval, @DefaultValue("6h") Duration timeout,
                            @DefaultValue("64MB") DataSize rosterMemory) {
    public ScaleSettings {
        if (rosterMemory.toBytes() < 1024) {
            throw new SettingsException("hublinks.scale.roster-memory", "must be at least 1KB, was " + rosterMemory);
        }
        if (partitions < 0 || partitions > 64) {
            throw new SettingsException("hublinks.scale.partitions", "must be between 0 (one per core) and 64, was "
                    + partitions);
        }
        if (pollInterval.isZero() || pollInterval.isNegative()) {
            throw new SettingsException("hublinks.scale.poll-interval", "must be more than 0, was " + pollInterval);
        }
        if (timeout.compareTo(pollInterval) < 0) {
            throw new SettingsException("hublinks.scale.timeout", "must be at least hublinks.scale.poll-interval ("
                    + pollInterval + "), was " + timeout);
        }
    }

    /**
     * Partitions of {@code signLinks}: the setting, or one per core. Each partition holds two
     * connections (its chunk transaction and its streaming read), the job repository one more.
     */
    public int gridSize(int poolSize) {
        int fits = Math.max(1, (poolSize - 2) / 2);
        if (partitions > fits) {
            throw new SettingsException("hublinks.scale.partitions", partitions + " partitions need "
                    + (2 * partitions + 2) + " connections; raise spring.datasource.hikari.maximum-pool-size (now "
                    + poolSize + ")");
        }
        return partitions > 0 ? partitions : Math.min(Runtime.getRuntime().availableProcessors(), fits);
    }

    public enum Mode { LOCAL, REMOTE }
}
