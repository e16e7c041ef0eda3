package com.example.hublinks.link;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The HMAC key for seamless links. Holds the bytes only; {@link #toString()} never reveals them,
 * so a secret that ends up in a log line or an exception message by accident shows as redacted.
 */
public final class SigningSecret {

    private final byte[] key;
    private final String source;

    public SigningSecret(String secret, String source) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the signing secret from " + source + " is empty");
        }
        this.key = secret.strip().getBytes(StandardCharsets.UTF_8);
        this.source = source;
    }

    byte[] keyBytes() {
        return Arrays.copyOf(key, key.length);
    }

    @Override
    public String toString() {
        return "SigningSecret[from " + source + ", value redacted]";
    }
}
