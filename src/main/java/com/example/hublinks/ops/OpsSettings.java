package com.example.hublinks.ops;

import com.example.hublinks.support.SettingsException;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Running unattended: the run lock's lease (a lock whose heartbeat is older is taken over),
 * how often the heartbeat is refreshed, how often a running step logs its progress, and how long
 * a SIGTERM waits for the night to stop at a chunk boundary before the process exits anyway.
 */
public record OpsSettings(@DefaultValue("60s") Duration lockLease, @DefaultValue("10s") Duration heartbeat,
                          @DefaultValue("5s") Duration progressEvery, @DefaultValue("20s") Duration stopTimeout) {
    public OpsSettings {
        if (stopTimeout.isNegative()) {
            throw new SettingsException("hublinks.ops.stop-timeout", "must not be negative, was " + stopTimeout);
        }
        if (heartbeat.isZero() || heartbeat.isNegative() || heartbeat.compareTo(lockLease) >= 0) {
            throw new SettingsException("hublinks.ops.heartbeat", "must be positive and shorter than"
                    + " hublinks.ops.lock-lease (" + lockLease + "), was " + heartbeat);
        }
        if (progressEvery.isNegative()) {
            throw new SettingsException("hublinks.ops.progress-every", "must not be negative, was " + progressEvery);
        }
    }
}
