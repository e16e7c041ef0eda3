package com.example.hublinks.catalog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * eduMe's {@code x-edume-signature}: lower-case hex HMAC-SHA256 with the webhook secret. Checked
 * over the raw bytes as received first; eduMe's guide signs {@code JSON.stringify(body)}, so the
 * body's one-line form ({@link OneLineJson}) is accepted too — never a pretty-printed or reordered one.
 */
public final class WebhookSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public WebhookSignature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        sign(new byte[0]); // fail at start-up, not on the first delivery, if the JVM lacks the algorithm
    }

    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /** Constant-time: how much of a forged signature matches must not show in the response time. */
    public boolean holds(byte[] body, String presented) {
        if (presented == null || presented.isBlank()) {
            return false;
        }
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
