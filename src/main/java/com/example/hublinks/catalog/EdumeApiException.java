package com.example.hublinks.catalog;

/**
 * eduMe's Public API could not give an answer hublinks can use: down, timing out, throttling past
 * the retries, or answering something that is not its JSON. The message names the call. With
 * {@code catalog.api.on-failure: use-last} the night goes on with the stored catalog. No cause is
 * chained: the command line prints the innermost message, and this one is the one to read.
 */
class EdumeApiException extends RuntimeException {

    public EdumeApiException(String message) {
        super(message);
    }

    public EdumeApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
