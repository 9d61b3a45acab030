package io.sluice.engine.server.auth;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.SessionUser;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users a server lets in, read from a file the operator owns: one user a line,
 * {@code NAME:pbkdf2-sha256:ITERATIONS:SALT:HASH:ROLE} for a password ({@link PasswordHash}) or
 * {@code NAME:token-sha256:HASH:ROLE} for a token ({@link TokenHash}), ROLE {@code admin} or
 * {@code user}; blank lines and lines starting with {@code #} are skipped.
 *
 * <p>Every request is checked, and a slow hash on every request would make the server slow; so a
 * login once checked is remembered by a keyed digest of name and password (HMAC-SHA256 with a key
 * drawn when the server starts, never the password itself), and later requests with the same
 * credentials are checked against that. Thread-safe.
 */
public final class Users {
    private static final Logger LOG = LoggerFactory.getLogger(Users.class);
    private static final String ADMIN = "admin";
    private static final String USER = "user";
    private static final int REMEMBERED_LOGINS = 1024;

    private record Entry(SessionUser user, StoredSecret secret) {
    }

    private final Path file;
    private final Map<String, Entry> users;
    /** A hash compared when the name is unknown, so that a wrong name takes as long as a wrong password. */
    private final PasswordHash decoy;
    private final SecretKeySpec loginKey;
    private final Map<String, SessionUser> remembered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SessionUser> eldest) {
            return size() > REMEMBERED_LOGINS;
        }
    };

    private Users(Path file, Map<String, Entry> users, SecureRandom random) {
        this.file = requireNonNull(file, "file is null");
        this.users = Map.copyOf(users);
        int iterations = users.values().stream()
                .mapToInt(entry -> entry.secret() instanceof PasswordHash hash ? hash.iterations() : 1)
                .max().orElse(1);
        this.decoy = PasswordHash.of(new char[] {'x'}, iterations, random);
        byte[] key = new byte[32];
        random.nextBytes(key);
        this.loginKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * Reads a users file.
     *
     * @throws SluiceException naming the file and line when the file cannot be read or a line is malformed
     */
    public static Users load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot read the users file " + file + ": " + e.getMessage(), e);
        }
        Map<String, Entry> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Entry entry = parse(file, i + 1, line);
            if (users.put(entry.user().name(), entry) != null) {
                throw malformed(file, i + 1, "user '" + entry.user().name() + "' is given twice");
            }
        }
        if (users.isEmpty()) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "the users file " + file
                    + " names no user; add one with: sluice server hash-password NAME >> " + file);
        }
        warnIfOthersMayRead(file);
        return new Users(file, users, new SecureRandom());
    }

    public Path file() {
        return file;
    }

    public int size() {
        return users.size();
    }

    /**
     * The user these credentials belong to, or empty if the name is unknown or the password (or
     * token) wrong.
     */
    public Optional<SessionUser> authenticate(String name, String password) {
        requireNonNull(name, "name is null");
        requireNonNull(password, "password is null");
        String login = loginDigest(name, password);
        synchronized (remembered) {
            SessionUser known = remembered.get(login);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Entry entry = users.get(name);
        boolean matches = (entry == null ? decoy : entry.secret()).matches(password.toCharArray());
        if (entry == null || !matches) {
            return Optional.empty();
        }
        synchronized (remembered) {
            remembered.put(login, entry.user());
        }
        return Optional.of(entry.user());
    }

    /** The line of a users file that lets {@code name} in with this password or token. */
    public static String line(String name, StoredSecret secret, boolean admin) {
        checkName(name);
        return name + ":" + secret.encoded() + ":" + (admin ? ADMIN : USER);
    }

    private static Entry parse(Path file, int lineNumber, String line) {
        int first = line.indexOf(':');
        int last = line.lastIndexOf(':');
        if (first <= 0 || last == first) {
            throw malformed(file, lineNumber, "expected NAME:" + PasswordHash.SCHEME + ":ITERATIONS:SALT:HASH:ROLE or NAME:"
                    + TokenHash.SCHEME + ":HASH:ROLE");
        }
        String name = line.substring(0, first);
        String role = line.substring(last + 1);
        if (!role.equals(ADMIN) && !role.equals(USER)) {
            throw malformed(file, lineNumber, "the role is '" + role + "'; expected admin or user");
        }
        try {
            checkName(name);
            return new Entry(new SessionUser(name, role.equals(ADMIN)), StoredSecret.parse(line.substring(first + 1, last)));
        } catch (IllegalArgumentException e) {
            throw malformed(file, lineNumber, e.getMessage());
        }
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.contains(":") || !name.strip().equals(name)) {
            throw new IllegalArgumentException("a user's name must not be empty, hold ':' or start or end with a space");
        }
        // The owner of what the embedded engine and a server without users start: a user of that
        // name would own it too.
        if (name.equals(SessionUser.LOCAL.name())) {
            throw new IllegalArgumentException("'" + name + "' is the name of the engine's own local user: choose another");
        }
    }

    private static SluiceException malformed(Path file, int line, String why) {
        return new SluiceException(ErrorCode.INVALID_OPTION, "the users file " + file + ", line " + line + ": " + why);
    }

    private static void warnIfOthersMayRead(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ) || permissions.contains(PosixFilePermission.GROUP_READ)) {
                LOG.warn("the users file {} may be read by other users of this machine; chmod 600 it", file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check.
        }
    }

    private String loginDigest(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(loginKey);
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }
}
