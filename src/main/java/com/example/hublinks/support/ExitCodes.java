package com.example.hublinks.support;

/** The exit codes scripts and schedules rely on (DESIGN §5). */
public final class ExitCodes {

    /** Done, or already done. */
    public static final int OK = 0;
    /** Failed; running the same command again resumes it. */
    public static final int FAILED = 1;
    /** Bad usage or configuration: the message names the key, file or argument. */
    public static final int SETTINGS = 2;
    /** The guard refused to publish tonight's roster; previously issued links are untouched. */
    public static final int GUARD_STOPPED = 3;
    /** Another run of this job holds the lock; nothing was touched. */
    public static final int LOCKED = 4;
    /**
     * Stopped on request at a chunk boundary (SIGTERM: 128 + 15, the code the JVM exits with after
     * one); the lock is released and running the same command again resumes it.
     */
    public static final int STOPPED = 143;

    private ExitCodes() {
    }
}
