package io.sluice.runtime.security;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What connectors may reach on behalf of SQL users, set by whoever runs the engine (the options
 * of {@code sluice server}) and out of reach of SQL: the directories connectors may read and
 * write, the network endpoints they may connect to, the JDBC URLs the jdbc connector may open,
 * and the Kafka client properties that reach files, run commands or load classes. {@link #OPEN}
 * allows everything, as the embedded engine and the shell do for the user who owns the process.
 * Immutable and thread-safe.
 *
 * <p>A connector checks what it is about to use when its table is created and again when it
 * opens it, if what the path leads to may have changed; a refusal is a {@link SluiceException}
 * with {@link ErrorCode#ACCESS_DENIED} naming the value and the rule.
 *
 * <p><b>Paths</b> are resolved before they are compared: made absolute against the base
 * directory, with {@code .} and {@code ..} removed and symbolic links resolved through the real
 * path of the nearest ancestor that exists ({@link RealPaths}), so {@code /data/../etc/passwd} and
 * a link out of an allowed directory are refused. A connector opens the path the check returns,
 * so what it opens is what was checked. <b>Hosts</b> are compared as written ({@link EndpointPattern}).
 */
public final class AccessPolicy {
    /** No restriction; relative paths resolve against the process's working directory. */
    public static final AccessPolicy OPEN = new AccessPolicy(true, Path.of(""), List.of(), List.of(), List.of(),
            List.of(), Set.of());

    /** What may follow an allowed JDBC URL prefix: one plain name, not starting with a dot. */
    private static final Pattern JDBC_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    /** Characters that start driver parameters in JDBC URLs (PostgreSQL's {@code ?}, H2's {@code ;}). */
    private static final Pattern JDBC_PARAMETERS = Pattern.compile("[?;&].*");

    private final boolean open;
    private final Path baseDirectory;
    private final List<Path> readDirectories;
    private final List<Path> writeDirectories;
    private final List<EndpointPattern> endpoints;
    private final List<String> jdbcUrlPrefixes;
    private final Set<String> kafkaProperties;

    private AccessPolicy(boolean open, Path baseDirectory, List<Path> readDirectories, List<Path> writeDirectories,
                         List<EndpointPattern> endpoints, List<String> jdbcUrlPrefixes, Set<String> kafkaProperties) {
        this.open = open;
        this.baseDirectory = requireNonNull(baseDirectory, "baseDirectory is null");
        this.readDirectories = List.copyOf(readDirectories);
        this.writeDirectories = List.copyOf(writeDirectories);
        this.endpoints = List.copyOf(endpoints);
        this.jdbcUrlPrefixes = List.copyOf(jdbcUrlPrefixes);
        // In the order given, so that messages list them as the operator wrote them.
        this.kafkaProperties = Collections.unmodifiableSet(new LinkedHashSet<>(kafkaProperties));
    }

    /**
     * A policy that allows nothing but what the builder adds.
     *
     * @param baseDirectory where relative paths in tables' options resolve (the server's data directory)
     */
    public static Builder closed(Path baseDirectory) {
        return new Builder(baseDirectory);
    }

    public boolean isOpen() {
        return open;
    }

    /** The path against the base directory; under {@link #OPEN}, the path as it is. */
    public Path absolute(Path path) {
        return open ? path : baseDirectory.resolve(path);
    }

    /**
     * Checks that connectors may read {@code path} and returns the path to open: its real path,
     * or under {@link #OPEN} the path as it is.
     *
     * @throws SluiceException with {@code ACCESS_DENIED} if the path is outside every read directory
     */
    public Path checkRead(Path path) {
        return open ? path : inside(path, readDirectories).orElseThrow(() -> deniedPath(path, "read", "--allow-read",
                readDirectories));
    }

    /** As {@link #checkRead}, for a path connectors write into. */
    public Path checkWrite(Path path) {
        return open ? path : inside(path, writeDirectories).orElseThrow(() -> deniedPath(path, "write", "--allow-write",
                writeDirectories));
    }

    /**
     * Checks that connectors may read or write {@code path}, for a table that may be read or
     * written: which of the two is checked again when the table is used.
     *
     * @throws SluiceException with {@code ACCESS_DENIED} if the path is outside every directory
     */
    public void checkReadOrWrite(Path path) {
        if (open || inside(path, readDirectories).isPresent() || inside(path, writeDirectories).isPresent()) {
            return;
        }
        throw denied("path '" + absolute(path).normalize() + "' is outside the directories the server lets connectors"
                + " read (--allow-read: " + list(readDirectories) + ") or write (--allow-write: "
                + list(writeDirectories) + ")");
    }

    /**
     * Checks that connectors may connect to {@code host} (as written in the table's options) on {@code port}.
     *
     * @throws SluiceException with {@code ACCESS_DENIED} if no endpoint pattern matches
     */
    public void checkEndpoint(String host, int port) {
        if (open || endpoints.stream().anyMatch(endpoint -> endpoint.matches(host, port))) {
            return;
        }
        String key = EndpointPattern.hostKey(host);
        boolean loopback = key.equals("localhost") || key.startsWith("127.") || key.equals("::1");
        throw denied("'" + (key.contains(":") ? "[" + key + "]" : key) + ":" + port
                + "' is not an endpoint the server lets connectors reach (--allow-host: " + list(endpoints) + ")"
                + (loopback ? "; host names are compared as written, so localhost and 127.0.0.1 are different endpoints"
                        : ""));
    }

    /**
     * Checks that the jdbc connector may open {@code url}: it must be an allowed prefix itself, or
     * an allowed prefix that ends where a name starts ({@code /} or {@code :}) followed by one plain
     * name (letters, digits, {@code _ . -}), so that nothing after the prefix adds a host, a port,
     * a path or a driver parameter (parameters a driver reads from its URL can run SQL or code when
     * it connects, as H2's {@code INIT}, or reach files). The refusal names no prefix: a prefix may
     * hold the operator's credentials.
     *
     * @throws SluiceException with {@code ACCESS_DENIED} otherwise
     */
    public void checkJdbcUrl(String url) {
        if (open || jdbcUrlPrefixes.stream().anyMatch(prefix -> extendsPrefix(url, prefix))) {
            return;
        }
        throw denied("JDBC URL '" + url + "' is not one the server lets the jdbc connector use: an allowed prefix"
                + " (--allow-jdbc-url), or one ending in '/' or ':' and then a database name of letters, digits,"
                + " '_', '.' and '-'");
    }

    private static boolean extendsPrefix(String url, String prefix) {
        if (!url.startsWith(prefix)) {
            return false;
        }
        String rest = url.substring(prefix.length());
        return rest.isEmpty() || (prefix.endsWith("/") || prefix.endsWith(":")) && JDBC_NAME.matcher(rest).matches();
    }

    /**
     * Checks that a Kafka client property that reaches files, runs a command or loads classes
     * (the kafka connector knows which do) is one the operator allowed.
     *
     * @throws SluiceException with {@code ACCESS_DENIED} otherwise
     */
    public void checkKafkaProperty(String name) {
        if (open || kafkaProperties.contains(name)) {
            return;
        }
        throw denied("Kafka client property '" + name + "' can reach files, run commands or load classes, which the"
                + " server allows only for properties it names (--allow-kafka-property: " + list(kafkaProperties) + ")");
    }

    /** One line for the server's log: the base directory, then what is allowed, e.g. {@code read /srv/data, /srv/ref}. */
    @Override
    public String toString() {
        if (open) {
            return "open: connectors may read and write any path and reach any host";
        }
        return "paths relative to " + baseDirectory + "; read " + list(readDirectories) + "; write "
                + list(writeDirectories) + "; hosts " + list(endpoints) + "; JDBC URLs "
                + list(jdbcUrlPrefixes.stream().map(prefix -> JDBC_PARAMETERS.matcher(prefix).replaceFirst("…")).toList())
                + "; Kafka properties " + list(kafkaProperties);
    }

    /** The real path of {@code path} if it is in one of {@code directories}. */
    private Optional<Path> inside(Path path, List<Path> directories) {
        return RealPaths.resolve(absolute(path)).filter(real -> directories.stream().anyMatch(real::startsWith));
    }

    private SluiceException deniedPath(Path path, String verb, String option, List<Path> directories) {
        return denied("path '" + absolute(path).normalize() + "' is outside the directories the server lets connectors "
                + verb + " (" + option + ": " + list(directories) + ")");
    }

    private static SluiceException denied(String detail) {
        return new SluiceException(ErrorCode.ACCESS_DENIED, "access denied: " + detail);
    }

    private static String list(Collection<?> values) {
        return values.isEmpty() ? "none" : values.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    /** Adds what a closed policy allows; each {@code allow} may be called any number of times. */
    public static final class Builder {
        private final Path baseDirectory;
        private final List<Path> readDirectories = new ArrayList<>();
        private final List<Path> writeDirectories = new ArrayList<>();
        private final List<EndpointPattern> endpoints = new ArrayList<>();
        private final List<String> jdbcUrlPrefixes = new ArrayList<>();
        private final Set<String> kafkaProperties = new LinkedHashSet<>();

        private Builder(Path baseDirectory) {
            this.baseDirectory = real(requireNonNull(baseDirectory, "baseDirectory is null"));
        }

        /** Connectors may read files in {@code directory} and below it (relative to the base directory). */
        public Builder allowRead(Path directory) {
            readDirectories.add(real(baseDirectory.resolve(requireNonNull(directory, "directory is null"))));
            return this;
        }

        /** Connectors may write files in {@code directory} and below it (relative to the base directory). */
        public Builder allowWrite(Path directory) {
            writeDirectories.add(real(baseDirectory.resolve(requireNonNull(directory, "directory is null"))));
            return this;
        }

        /** Connectors may connect to the endpoints {@code endpoint} names, e.g. {@code kafka.internal:9092}. */
        public Builder allowEndpoint(EndpointPattern endpoint) {
            endpoints.add(requireNonNull(endpoint, "endpoint is null"));
            return this;
        }

        /** The jdbc connector may open URLs that start with {@code prefix}, e.g. {@code jdbc:postgresql://db:5432/}. */
        public Builder allowJdbcUrl(String prefix) {
            if (!requireNonNull(prefix, "prefix is null").startsWith("jdbc:")) {
                throw new IllegalArgumentException("'" + prefix + "' is not the start of a JDBC URL (jdbc:...)");
            }
            jdbcUrlPrefixes.add(prefix);
            return this;
        }

        /** Tables may set the Kafka client property {@code name} even though it reaches files or loads classes. */
        public Builder allowKafkaProperty(String name) {
            kafkaProperties.add(requireNonNull(name, "name is null"));
            return this;
        }

        public AccessPolicy build() {
            return new AccessPolicy(false, baseDirectory, readDirectories, writeDirectories, endpoints,
                    jdbcUrlPrefixes, kafkaProperties);
        }

        private static Path real(Path directory) {
            return RealPaths.resolve(directory).orElseThrow(() -> new IllegalArgumentException(
                    "cannot resolve the directory " + directory + " (a loop of symbolic links?)"));
        }
    }
}
