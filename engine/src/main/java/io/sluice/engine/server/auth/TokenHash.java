package io.sluice.engine.server.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A token, for a program that logs in without a person's password, stored as its SHA-256 hash,
 * written {@code token-sha256:HASH}. A token is 32 random bytes, so a fast hash suffices: there
 * is nothing to guess that a slow one would protect. The client sends it as its password.
 */
public final class TokenHash implements StoredSecret {
    public static final String SCHEME = "token-sha256";
    private static final int TOKEN_BYTES = 32;

    private final byte[] hash;

    private TokenHash(byte[] hash) {
        if (hash.length != 32) {
            throw new IllegalArgumentException("a token hash is 32 bytes of SHA-256, not " + hash.length);
        }
        this.hash = hash.clone();
    }

    /** A new random token, in a form that goes in a URL or a properties file unescaped. */
    public static String newToken(SecureRandom random) {
        byte[] token = new byte[TOKEN_BYTES];
        random.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    public static TokenHash of(String token) {
        return new TokenHash(sha256(token.toCharArray()));
    }

    /** Reads {@code token-sha256:HASH}. */
    public static TokenHash parse(String encoded) {
        String[] parts = encoded.split(":", -1);
        if (parts.length != 2 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("a token hash is " + SCHEME + ":HASH");
        }
        return new TokenHash(Base64.getDecoder().decode(parts[1]));
    }

    @Override
    public boolean matches(char[] secret) {
        return MessageDigest.isEqual(hash, sha256(secret));
    }

    @Override
    public String encoded() {
        return SCHEME + ":" + Base64.getEncoder().encodeToString(hash);
    }

    /** Shows no hash. */
    @Override
    public String toString() {
        return "TokenHash[" + SCHEME + "]";
    }

    private static byte[] sha256(char[] secret) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] data = new byte[bytes.remaining()];
        bytes.get(data);
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }
}
