package com.example.hublinks.support;

/**
 * A setting, file or argument that stops the job before it can do useful work: exit code 2,
 * reported as one line naming the key or file, never as a stack trace.
 */
public class SettingsException extends RuntimeException {

    private final String key;

    public SettingsException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    public SettingsException(String key, String problem, Throwable cause) {
        super(key + ": " + problem, cause);
        this.key = key;
    }

    /** The settings problem behind a failure, if one is in its chain of causes. */
    public static SettingsException findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SettingsException settings) {
                return settings;
            }
        }
        return null;
    }

    /** The setting key, file or argument at fault. */
    public String key() {
        return key;
    }
}
