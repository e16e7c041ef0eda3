package com.example.hublinks.ops;

import java.sql.SQLException;

/**
 * The application's database could not be opened because another process holds it: an H2 file
 * whose URL keeps it to one process ({@code AUTO_SERVER=FALSE}), open in another run (or any other
 * program). Ends the command with exit 4, as when another run holds the job's run lock: nothing
 * was touched.
 */
public class DatabaseInUse extends RuntimeException {

    /** H2's DATABASE_ALREADY_OPEN_1: "Database may be already in use … The file is locked". */
    static final int H2_ALREADY_OPEN = 90020;

    DatabaseInUse(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code failure} as a {@code DatabaseInUse} when that is what it is, else {@code failure} itself. */
    public static RuntimeException classify(RuntimeException failure, String job, String url) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_ALREADY_OPEN && url.startsWith("jdbc:h2:")) {
                return new DatabaseInUse("another run of " + job + " holds it: its H2 database "
                        + url.replaceFirst(";.*", "") + " is open in another process, and its URL keeps the file to one"
                        + " process; nothing was touched", failure);
            }
        }
        return failure;
    }
}
