package io.sluice.engine.server.auth;

/** What a users file keeps of a user's secret: a hash to check a password or token against, never the secret. */
public sealed interface StoredSecret permits PasswordHash, TokenHash {
    /** Whether {@code secret} is the one hashed; compares in constant time. */
    boolean matches(char[] secret);

    /** The form written in a users file, e.g. {@code pbkdf2-sha256:ITERATIONS:SALT:HASH}. */
    String encoded();

    /** Reads a password hash or a token hash. */
    static StoredSecret parse(String encoded) {
        return encoded.startsWith(TokenHash.SCHEME + ":") ? TokenHash.parse(encoded) : PasswordHash.parse(encoded);
    }
}
