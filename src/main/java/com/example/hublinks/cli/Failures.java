package com.example.hublinks.cli;

import com.example.hublinks.ops.DatabaseInUse;
import com.example.hublinks.support.ExitCodes;
import com.example.hublinks.support.SettingsException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;

/**
 * Turns whatever stopped a command into one line on stderr and an exit code: a settings problem
 * names its key (exit 2); anything else says what failed (exit 1). Never a stack trace: ops read
 * these lines in cron mail.
 */
final class Failures {

    private Failures() {
    }

    static int report(Throwable failure, PrintWriter err) {
        err.println("hublinks: " + describe(failure));
        err.flush();
        if (find(failure, DatabaseInUse.class) != null) {
            return ExitCodes.LOCKED;
        }
        return isSettingsProblem(failure) ? ExitCodes.SETTINGS : ExitCodes.FAILED;
    }

    static boolean isSettingsProblem(Throwable failure) {
        return SettingsException.findIn(failure) != null || find(failure, BindException.class) != null;
    }

    static String describe(Throwable failure) {
        SettingsException settings = SettingsException.findIn(failure);
        if (settings != null) {
            return settings.getMessage();
        }
        DatabaseInUse inUse = find(failure, DatabaseInUse.class);
        if (inUse != null) {
            return inUse.getMessage();
        }
        UnboundConfigurationPropertiesException unknown = find(failure, UnboundConfigurationPropertiesException.class);
        if (unknown != null) {
            return unknown.getUnboundProperties().stream()
                    .map(p -> p.getName() + ": unknown setting" + origin(p))
                    .collect(Collectors.joining("; "));
        }
        BindException bind = innermost(failure);
        if (bind != null) {
            ConfigurationProperty property = bind.getProperty();
            Class<?> type = bind.getTarget().getType().resolve();
            String value = property == null ? "" : "'" + property.getValue() + "' ";
            String expected = type != null && type.isEnum()
                    ? "is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase().replace('_', '-')).collect(Collectors.joining(", "))
                    : "is not a valid " + (type == null ? "value" : type.getSimpleName());
            return bind.getName() + ": " + value + expected + (property == null ? "" : origin(property));
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "failed: " + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }

    private static String origin(ConfigurationProperty property) {
        return property.getOrigin() == null ? "" : " (" + property.getOrigin() + ")";
    }

    private static BindException innermost(Throwable failure) {
        BindException found = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException bind) {
                found = bind;
            }
        }
        return found;
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
