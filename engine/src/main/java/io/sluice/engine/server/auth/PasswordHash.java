package io.sluice.engine.server.auth;

import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password stored as a salted slow hash: PBKDF2 with HMAC-SHA256 (the JDK's
 * {@code PBKDF2WithHmacSHA256}), written {@code pbkdf2-sha256:ITERATIONS:SALT:HASH} with salt and
 * hash in Base64. A password is checked by hashing it again and comparing in constant time.
 */
public final class PasswordHash implements StoredSecret {
    public static final String SCHEME = "pbkdf2-sha256";
    /** What {@code sluice server hash-password} uses: OWASP's advice for PBKDF2-HMAC-SHA256 (2023). */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        if (iterations <= 0 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("the iteration count must be 1 to " + MAX_ITERATIONS + ", not " + iterations);
        }
        if (salt.length == 0 || hash.length == 0) {
            throw new IllegalArgumentException("the salt and the hash must not be empty");
        }
        this.iterations = iterations;
        this.salt = salt.clone();
        this.hash = hash.clone();
    }

    /** Hashes a new password with a fresh random salt. */
    public static PasswordHash of(char[] password, int iterations, SecureRandom random) {
        requireNonNull(password, "password is null");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations, HASH_BITS));
    }

    /** Reads {@code pbkdf2-sha256:ITERATIONS:SALT:HASH}. */
    public static PasswordHash parse(String encoded) {
        String[] parts = encoded.split(":", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("a password hash is " + SCHEME + ":ITERATIONS:SALT:HASH");
        }
        try {
            return new PasswordHash(Integer.parseInt(parts[1]), Base64.getDecoder().decode(parts[2]),
                    Base64.getDecoder().decode(parts[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count '" + parts[1] + "' is not a number");
        }
    }

    public int iterations() {
        return iterations;
    }

    /** Whether {@code password} is the one hashed; takes as long whether it is or not. */
    @Override
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations, hash.length * 8));
    }

    @Override
    public String encoded() {
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + ":" + iterations + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(hash);
    }

    /** Shows no hash: a stolen hash can be guessed at offline. */
    @Override
    public String toString() {
        return "PasswordHash[" + SCHEME + ", " + iterations + " iterations]";
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        KeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }
}
