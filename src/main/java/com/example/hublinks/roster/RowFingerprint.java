package com.example.hublinks.roster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The fingerprint of everything a learner's links and exports depend on: the row's mapped cells
 * after trimming, the catalog's resolution of its teams, the links those teams get, and the job's
 * settings that shape links and validation ({@code context}). Keyed: SHA-256 over a key derived
 * from the signing secret (never the secret itself, see {@code LinkSigner#derivedKey}) and then
 * the values, so a rotated secret changes every fingerprint and re-signs every link.
 * <p>
 * Sixty-four bits of the digest, whose two low bits are left for the row's dropped-contact flags
 * ({@link RosterValidator#EMAIL_DROPPED}, {@link RosterValidator#PHONE_DROPPED}): a changed row is
 * taken for an unchanged one with a chance of one in 2⁶², per row. Thread-safe.
 */
public final class RowFingerprint {

    /** Bumped whenever validation or link rules change in a way that must re-validate every learner. */
    static final int RULES_VERSION = 1;
    public static final long FLAGS = 3L;

    private final ThreadLocal<MessageDigest> primed;
    private final String contextHash;

    /**
     * @param key     a secret-derived key
     * @param context the settings that change links or validation (link base URL, kind, hub,
     *                courses, default region, which channels need a contact…)
     */
    public RowFingerprint(byte[] key, String context) {
        MessageDigest base = sha256();
        base.update(key);
        update(base, "hublinks-row-v" + RULES_VERSION);
        update(base, context);
        this.primed = ThreadLocal.withInitial(() -> copy(base));
        this.contextHash = java.util.HexFormat.of().formatHex(copy(base).digest());
    }

    /** A hash of the key and the settings every fingerprint starts from: equal, and rows fingerprint as before. */
    public String contextHash() {
        return contextHash;
    }

    /** The fingerprint of a row (cells trimmed as validation trims them), flags bits clear. */
    public long of(RosterRow row, List<Long> teamIds, String links) {
        MessageDigest digest = copy(primed.get());
        update(digest, trim(row.externalUserId()));
        update(digest, trim(row.firstName()));
        update(digest, trim(row.lastName()));
        update(digest, trim(row.email()));
        update(digest, trim(row.phone()));
        update(digest, trim(row.locale()));
        for (Long team : teamIds) {
            update(digest, team.toString());
        }
        update(digest, "|");
        update(digest, links);
        byte[] hash = digest.digest();
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (hash[i] & 0xFF);
        }
        return value & ~FLAGS;
    }

    /**
     * A 64-bit hash of a user id, for finding a stored learner in memory. Not keyed and not
     * cryptographic: FNV-1a over the UTF-16 units, then the SplitMix64 finaliser to spread its bits.
     */
    public static long idHash(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash = (hash ^ id.charAt(i)) * 0x100000001b3L;
        }
        return mix(hash);
    }

    /** A second hash of a user id, independent of {@link #idHash}, to tell two ids of one {@code idHash} apart. */
    static int idCheck(String id) {
        int hash = 0x811c9dc5;
        for (int i = id.length() - 1; i >= 0; i--) {
            hash = (hash ^ id.charAt(i)) * 0x01000193;
        }
        return (int) mix(hash);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    /** Length-prefixed, so that no two different rows feed the same bytes ("a","bc" against "ab","c"). */
    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int length = bytes.length;
        digest.update((byte) (length >>> 24));
        digest.update((byte) (length >>> 16));
        digest.update((byte) (length >>> 8));
        digest.update((byte) length);
        digest.update(bytes);
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of this JVM cannot be copied", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
