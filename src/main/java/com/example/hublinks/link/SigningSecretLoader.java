package com.example.hublinks.link;

import com.example.hublinks.support.SettingsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Finds the signing secret (DESIGN §5): the environment variable {@code links.secret-env} names
 * (default {@code EDUME_SIGNING_SECRET}), else the file {@code links.secret-file}. Neither is a
 * settings error. The secret itself is never a setting, a log line or a job parameter.
 */
final class SigningSecretLoader {

    private SigningSecretLoader() {
    }

    public static SigningSecret load(LinkSettings links, UnaryOperator<String> environment) {
        String variable = links.secretEnv();
        String value = environment.apply(variable);
        if (value != null && !value.isBlank()) {
            return new SigningSecret(value, "environment variable " + variable);
        }
        Path file = links.secretFile();
        if (file == null) {
            throw new SettingsException("hublinks.links.secret-env", "no signing secret: set the environment variable "
                    + variable + " or hublinks.links.secret-file");
        }
        try {
            return new SigningSecret(Files.readString(file, StandardCharsets.UTF_8), "file " + file);
        } catch (IOException e) {
            throw new SettingsException("hublinks.links.secret-file", "cannot read the signing secret file " + file);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("hublinks.links.secret-file", e.getMessage());
        }
    }
}
