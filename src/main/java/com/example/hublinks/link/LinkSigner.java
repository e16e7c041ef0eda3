package com.example.hublinks.link;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs seamless links: {@code sig = hex(HMAC-SHA256(secret, url))}, appended as {@code &sig=}.
 * Thread-safe: each thread gets its own {@link Mac}, set up once and reused for every link,
 * because {@code Mac.getInstance} costs far more than signing one URL.
 */
public final class LinkSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final LinkFormat format;
    private final ThreadLocal<Mac> mac;

    public LinkSigner(LinkFormat format, SigningSecret secret) {
        this.format = format;
        SecretKeySpec key = new SecretKeySpec(secret.keyBytes(), ALGORITHM);
        newMac(key); // fail now, not on the first link, if the JVM lacks the algorithm
        this.mac = ThreadLocal.withInitial(() -> newMac(key));
    }

    public LinkFormat format() {
        return format;
    }

    /** The final link for one learner: the unsigned URL, then {@code &sig=} and its signature. */
    public String link(LinkTarget target, String externalUserId) {
        return sign(format.unsignedUrl(target, externalUserId));
    }

    /** Appends the signature to an already formatted URL. */
    public String sign(String unsignedUrl) {
        return unsignedUrl + "&sig=" + signature(unsignedUrl);
    }

    /** Lower-case hex HMAC-SHA256 of the UTF-8 bytes of the URL. */
    public String signature(String unsignedUrl) {
        byte[] digest = mac.get().doFinal(unsignedUrl.getBytes(StandardCharsets.UTF_8));
        byte[] hex = new byte[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(hex, StandardCharsets.US_ASCII);
    }

    /**
     * A key for another use of the secret, {@code HMAC-SHA256(secret, purpose)}: it changes with the
     * secret but does not reveal it (the roster's fingerprints are keyed with one).
     */
    public byte[] derivedKey(String purpose) {
        return mac.get().doFinal(("hublinks derived key: " + purpose).getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time comparison of a presented signature with the one the URL should carry. */
    public boolean hasValidSignature(String unsignedUrl, String presentedSignature) {
        byte[] expected = signature(unsignedUrl).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = presentedSignature.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac instance = Mac.getInstance(ALGORITHM);
            instance.init(key);
            return instance;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("cannot set up " + ALGORITHM, e);
        }
    }
}
