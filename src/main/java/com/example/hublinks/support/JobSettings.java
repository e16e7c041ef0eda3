package com.example.hublinks.support;

import java.time.ZoneId;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code hublinks.job.*}: which job this is (it names the output folder and the run lock), its time zone, and the items per chunk transaction. */
public record JobSettings(@DefaultValue("hublinks") String name, @DefaultValue("UTC") ZoneId zone,
                          @DefaultValue("1000") int chunkSize) {
    public JobSettings {
        if (chunkSize < 1) {
            throw new SettingsException("hublinks.job.chunk-size", "must be 1 or more, was " + chunkSize);
        }
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new SettingsException("hublinks.job.name",
                    "'" + name + "' must be letters, digits, '.', '_' or '-' (it names the output folder)");
        }
    }
}
