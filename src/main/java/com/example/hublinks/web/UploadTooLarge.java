package com.example.hublinks.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code hublinks.serve.max-upload}, refused with its size: 413 and the JSON
 * message for a script, the upload page with the message for a browser. (Uploads are parsed lazily,
 * when the upload's handler reads the file: a request refused before, an error page included,
 * never has its body parsed.)
 */
@RestControllerAdvice
@Profile(WebProcess.SERVE_PROFILE)
class UploadTooLarge {

    private final long maxUpload;

    UploadTooLarge(ServeSettings serve) {
        this.maxUpload = serve.maxUpload().toBytes();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<?> tooLarge(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        String size = length > 0 ? UploadLimits.describe(length) : "more than " + UploadLimits.describe(maxUpload);
        if (ScriptRequests.acceptsJson(request)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Map.of("status", CheckResult.REFUSED,
                    "exitCode", 2, "message", UploadLimits.refusal(size, maxUpload)));
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/?tooLarge="
                + size.replace(' ', '+'))).build();
    }
}
