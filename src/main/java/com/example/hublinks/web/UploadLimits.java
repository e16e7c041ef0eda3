package com.example.hublinks.web;

import jakarta.servlet.MultipartConfigElement;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Uploads up to {@code hublinks.serve.max-upload} (default 200MB), spooled to disk past 1 MB so
 * that a large roster never sits in memory. A larger one is refused with its size
 * ({@link UploadTooLarge}).
 */
@Configuration
@Profile(WebProcess.SERVE_PROFILE)
class UploadLimits {

    private static final long IN_MEMORY = 1 << 20;
    private static final long FORM_OVERHEAD = 1 << 20; // the multipart envelope around the file

    private final long maxUpload;

    UploadLimits(ServeSettings serve) {
        this.maxUpload = serve.maxUpload().toBytes();
    }

    @Bean
    MultipartConfigElement multipartConfigElement() {
        return new MultipartConfigElement("", maxUpload, maxUpload + FORM_OVERHEAD, (int) IN_MEMORY);
    }

    /** The one line HR see: the upload's size and the limit. */
    static String refusal(String size, long maxUpload) {
        return "the upload is " + size + ", more than hublinks.serve.max-upload (" + describe(maxUpload)
                + "): split the roster, or ask ops to raise the limit";
    }

    /** 1.5 MB, 200 MB, 900 KB: sizes as people read them (1 MB = 1024 × 1024 bytes, as the setting counts). */
    static String describe(long bytes) {
        if (bytes >= 1 << 20) {
            double mb = bytes / (double) (1 << 20);
            return (mb == Math.rint(mb) ? String.format(Locale.ROOT, "%.0f", mb) : String.format(Locale.ROOT, "%.1f", mb)) + " MB";
        }
        if (bytes >= 1 << 10) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}
