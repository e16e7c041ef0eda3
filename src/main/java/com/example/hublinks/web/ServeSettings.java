package com.example.hublinks.web;

import com.example.hublinks.support.SettingsException;
import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hublinks serve}: the web process for HR (upload page, nights) and eduMe's webhooks.
 * Users and their roles come from {@code users-file} ({@code hublinks user add}); an upload
 * larger than {@code max-upload} is refused.
 */
public record ServeSettings(@DefaultValue("8080") int port, Path usersFile, @DefaultValue("200MB") DataSize maxUpload) {
    public ServeSettings {
        if (port < 0 || port > 65535) {
            throw new SettingsException("hublinks.serve.port", "must be between 0 and 65535, was " + port);
        }
        if (maxUpload.toBytes() < 1) {
            throw new SettingsException("hublinks.serve.max-upload", "must be more than 0, was " + maxUpload);
        }
    }
}
