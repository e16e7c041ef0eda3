package com.example.hublinks.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a webhook delivery comes from eduMe (DESIGN §3): the HMAC signature with the shared
 * secret (over the raw bytes, else over the body's one-line form), or the bearer token the
 * customer gave eduMe. Either may be configured, or both. Every comparison is constant-time.
 */
public final class WebhookAuthentication {

    private static final String BEARER = "Bearer ";

    private final WebhookSignature signature;
    private final byte[] tokenDigest;
    private final JsonMapper json;

    /** {@code signature} or {@code token} may be null (not configured), not both. */
    public WebhookAuthentication(WebhookSignature signature, String token, JsonMapper json) {
        if (signature == null && token == null) {
            throw new IllegalArgumentException("a webhook secret or a bearer token is needed");
        }
        this.signature = signature;
        this.tokenDigest = token == null ? null : sha256(token.getBytes(StandardCharsets.UTF_8));
        this.json = json;
    }

    /** How the delivery proved itself, or empty when it did not (answer 401). */
    public Optional<WebhookProof> check(byte[] body, String signatureHeader, String authorizationHeader) {
        if (signature != null && signatureHeader != null) {
            if (signature.holds(body, signatureHeader)) {
                return Optional.of(WebhookProof.RAW_BODY_SIGNATURE);
            }
            if (signature.holds(oneLine(body), signatureHeader)) {
                return Optional.of(WebhookProof.ONE_LINE_SIGNATURE);
            }
        }
        if (tokenDigest != null && authorizationHeader != null
                && authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            byte[] presented = authorizationHeader.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(tokenDigest, sha256(presented))) { // digests: the token's length does not show either
                return Optional.of(WebhookProof.BEARER_TOKEN);
            }
        }
        return Optional.empty();
    }

    /** The one-line form, or the raw bytes again when the body is no JSON (the check then fails as it did). */
    private byte[] oneLine(byte[] body) {
        try {
            return OneLineJson.of(json, body);
        } catch (IllegalArgumentException notJson) {
            return body;
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
