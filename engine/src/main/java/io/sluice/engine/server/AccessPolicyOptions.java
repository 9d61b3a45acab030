package io.sluice.engine.server;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.security.AccessPolicy;
import io.sluice.runtime.security.EndpointPattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The server's access policy options: connectors may use the data directory and what the
 * {@code --allow-*} options name, and nothing else; {@code --allow-all} lifts every restriction.
 */
public final class AccessPolicyOptions {
    static final Path DEFAULT_DATA_DIRECTORY = Path.of("sluice-data");

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The directory connectors may read and write, made if missing; relative paths in tables'"
                    + " options resolve against it (default: ./sluice-data).")
    private Path dataDirectory;

    @Option(names = "--allow-read", paramLabel = "DIR",
            description = "Connectors may also read files in DIR and below it (relative to the working directory)."
                    + " Repeatable.")
    private List<Path> readDirectories = new ArrayList<>();

    @Option(names = "--allow-write", paramLabel = "DIR",
            description = "Connectors may also write files in DIR and below it (relative to the working directory)."
                    + " Repeatable.")
    private List<Path> writeDirectories = new ArrayList<>();

    @Option(names = "--allow-host", paramLabel = "HOST:PORT", converter = EndpointPatternConverter.class,
            description = "Connectors (socket, kafka) may connect to HOST:PORT; HOST may be *.domain or *, PORT *;"
                    + " names are compared as written. Repeatable.")
    private List<EndpointPattern> endpoints = new ArrayList<>();

    @Option(names = "--allow-jdbc-url", paramLabel = "PREFIX",
            description = "The jdbc connector may open PREFIX, and PREFIX followed by a database name when it ends"
                    + " in / or :, e.g. jdbc:postgresql://db:5432/. Repeatable.")
    private List<String> jdbcUrlPrefixes = new ArrayList<>();

    @Option(names = "--allow-kafka-property", paramLabel = "NAME",
            description = "Kafka tables may set the client property NAME although it reaches files or loads classes,"
                    + " e.g. sasl.jaas.config. Repeatable.")
    private List<String> kafkaProperties = new ArrayList<>();

    @Option(names = "--allow-all",
            description = "Connectors may read and write any file and reach any host, as in the embedded engine.")
    private boolean allowAll;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    /**
     * The policy the options describe; the data directory is made if missing.
     *
     * @throws ParameterException if {@code --allow-all} comes with other access options
     * @throws SluiceException    if the data directory cannot be made
     */
    public AccessPolicy policy() {
        if (allowAll) {
            if (dataDirectory != null || !readDirectories.isEmpty() || !writeDirectories.isEmpty()
                    || !endpoints.isEmpty() || !jdbcUrlPrefixes.isEmpty() || !kafkaProperties.isEmpty()) {
                throw new ParameterException(spec.commandLine(),
                        "--allow-all allows everything: give it without --data-dir and the other --allow-* options");
            }
            return AccessPolicy.OPEN;
        }
        Path data = dataDirectory == null ? DEFAULT_DATA_DIRECTORY : dataDirectory;
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot make the data directory '" + data + "': " + e, e);
        }
        Path base = data.toAbsolutePath();
        AccessPolicy.Builder policy = AccessPolicy.closed(base).allowRead(base).allowWrite(base);
        readDirectories.forEach(directory -> policy.allowRead(directory.toAbsolutePath()));
        writeDirectories.forEach(directory -> policy.allowWrite(directory.toAbsolutePath()));
        endpoints.forEach(policy::allowEndpoint);
        kafkaProperties.forEach(policy::allowKafkaProperty);
        for (String prefix : jdbcUrlPrefixes) {
            try {
                policy.allowJdbcUrl(prefix);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--allow-jdbc-url: " + e.getMessage());
            }
        }
        return policy.build();
    }
}
