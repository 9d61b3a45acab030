package io.sluice.engine.server;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The key store (PKCS12 or JKS, e.g. made with the JDK's {@code keytool}) holding the key and
 * certificate a server serves HTTPS with.
 *
 * @param file     the key store file
 * @param password its password, which also opens the key
 */
public record TlsKeyStore(Path file, String password) {
    public TlsKeyStore {
        requireNonNull(file, "file is null");
        requireNonNull(password, "password is null");
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "TlsKeyStore[file=" + file + "]";
    }
}
