package io.sluice.engine.server;

import static java.util.Objects.requireNonNull;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.metrics.JvmMeters;
import io.sluice.engine.server.auth.Users;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.security.AccessPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sluice server}: serves an engine to JDBC clients until the process is stopped (Ctrl-C or
 * SIGTERM), then closes every connection, stops every query and frees all memory. Its connectors
 * may use only the data directory and what the {@code --allow-*} options name
 * ({@link AccessPolicyOptions}).
 */
@Command(name = "server", mixinStandardHelpOptions = true, subcommands = {HashPasswordCommand.class, NewTokenCommand.class},
        description = "Serves JDBC clients on jdbc:sluice://HOST:PORT until stopped with Ctrl-C.")
public final class ServerCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCommand.class);
    /** Where the key store's password is read when no password file is given. */
    public static final String TLS_PASSWORD_VARIABLE = "SLUICE_TLS_KEYSTORE_PASSWORD";

    @Option(names = "--port", defaultValue = "8765", description = "The port to listen on (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "The address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics at http://ADDRESS:PORT/metrics (0 for any free port); none without it.")
    private Integer metricsPort;

    @Option(names = "--metrics-bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "The address the metrics are served on; any but a loopback one needs --users, whose users"
                    + " scrapes log in as (default: ${DEFAULT-VALUE}).")
    private String metricsBind;

    @Option(names = "--demo", description = "Declare the demo streams before serving.")
    private boolean demo;

    @Option(names = "--session-timeout", defaultValue = "60s", converter = DurationConverter.class,
            description = "Close a client's connection, stopping its queries, after it sent nothing for this long,"
                    + " e.g. 60s, 5m; 0 for never (default: ${DEFAULT-VALUE}).")
    private Duration sessionTimeout;

    @Option(names = "--users", paramLabel = "FILE",
            description = "Let in only the users of this file (lines made by 'sluice server hash-password');"
                    + " required unless --bind is a loopback address.")
    private Path usersFile;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve HTTPS with the key and certificate of this key store (PKCS12 or JKS).")
    private Path tlsKeyStore;

    @Option(names = "--tls-keystore-password-file", paramLabel = "FILE",
            description = "The key store's password, the first line of this file; else the environment variable "
                    + TLS_PASSWORD_VARIABLE + ".")
    private Path tlsPasswordFile;

    @Option(names = "--max-request-bytes", defaultValue = "" + HttpLimits.DEFAULT_MAX_REQUEST_BYTES,
            description = "The largest request a client may send, in bytes (default: ${DEFAULT-VALUE}).")
    private long maxRequestBytes;

    @Option(names = "--max-connections", defaultValue = "" + HttpLimits.DEFAULT_MAX_CONNECTIONS,
            description = "HTTP connections open at once; beyond it new ones wait (default: ${DEFAULT-VALUE}).")
    private int maxConnections;

    @Mixin
    private AccessPolicyOptions access;

    @Spec
    private CommandSpec spec;

    private final Supplier<List<String>> demoStatements;

    /** A server whose {@code --demo} runs {@code demoStatements}, the DDL of the demo streams. */
    public ServerCommand(Supplier<List<String>> demoStatements) {
        this.demoStatements = requireNonNull(demoStatements, "demoStatements is null");
    }

    /** A server without demo streams: {@code --demo} says they are not available. */
    public ServerCommand() {
        this(() -> {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "the demo streams are not available in this build");
        });
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        JdbcServerConfig config;
        AccessPolicy policy;
        try {
            config = config();
            policy = access.policy();
        } catch (SluiceException | IllegalArgumentException e) {
            err.println("sluice server: " + e.getMessage());
            err.flush();
            return 1;
        }
        LOG.info("Access policy: {}", policy);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmMeters.bindTo(registry);
        EngineConfig engineConfig = EngineConfig.defaults().withAccessPolicy(policy).withMeterRegistry(registry);
        Engine engine;
        try {
            // a server with a data directory keeps its catalog and jobs there, and resumes them
            engine = policy.isOpen() ? Engine.create(engineConfig) : Engine.create(engineConfig, policy.absolute(Path.of("")));
        } catch (SluiceException e) {
            err.println("sluice server: " + e.getMessage());
            err.flush();
            return 1;
        }
        JdbcServer server = null;
        MetricsServer metrics = null;
        try {
            if (demo) {
                declareDemoStreams(engine);
            }
            server = JdbcServer.start(engine, config);
            if (metricsPort != null) {
                metrics = MetricsServer.start(engine, registry, metricsBind, metricsPort, config.users(), config.tls());
            }
        } catch (SluiceException | IllegalArgumentException e) {
            if (server != null) {
                server.close();
            }
            engine.close();
            err.println("sluice server: " + e.getMessage());
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        JdbcServer jdbc = server;
        MetricsServer metricsServer = metrics;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (metricsServer != null) {
                metricsServer.close();
            }
            stop(jdbc, engine);
            stopped.countDown();
        }, "sluice-server-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Sluice JDBC server listening on " + server.url() + " (Ctrl-C to stop); " + server.describeSecurity());
        if (metrics != null) {
            out.println("Metrics at " + metrics.url());
        }
        out.flush();
        stopped.await();
        return 0;
    }

    private JdbcServerConfig config() {
        JdbcServerConfig config = new JdbcServerConfig(bind, port, sessionTimeout)
                .withLimits(HttpLimits.DEFAULTS.withMaxRequestBytes(maxRequestBytes).withMaxConnections(maxConnections));
        if (usersFile != null) {
            config = config.withUsers(Users.load(usersFile));
        }
        if (tlsKeyStore != null) {
            config = config.withTls(new TlsKeyStore(tlsKeyStore, tlsPassword()));
        } else if (tlsPasswordFile != null) {
            throw new IllegalArgumentException("--tls-keystore-password-file needs --tls-keystore");
        }
        return config;
    }

    /** The key store's password: never a bare command-line value, which other users of the machine could see. */
    private String tlsPassword() {
        if (tlsPasswordFile != null) {
            try (BufferedReader reader = Files.newBufferedReader(tlsPasswordFile, StandardCharsets.UTF_8)) {
                String line = reader.readLine();
                if (line == null || line.isEmpty()) {
                    throw new IllegalArgumentException("the key store password file " + tlsPasswordFile + " is empty");
                }
                return line;
            } catch (IOException e) {
                throw new SluiceException(ErrorCode.IO_ERROR, "cannot read the key store password file "
                        + tlsPasswordFile + ": " + e.getMessage(), e);
            }
        }
        String password = System.getenv(TLS_PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("--tls-keystore needs its password: give --tls-keystore-password-file FILE"
                    + " or set " + TLS_PASSWORD_VARIABLE);
        }
        return password;
    }

    private void declareDemoStreams(Engine engine) {
        try (Session session = engine.newSession()) {
            for (String statement : demoStatements.get()) {
                try {
                    session.execute(statement);
                } catch (SluiceException e) {
                    if (e.code() != ErrorCode.OBJECT_ALREADY_EXISTS) {
                        throw e;
                    }
                    // recreated from the data directory, where an earlier run with --demo kept it
                }
            }
        }
    }

    private static void stop(JdbcServer server, Engine engine) {
        server.close();
        try {
            engine.close();
            LOG.info("Sluice stopped: every query stopped and all memory freed");
        } catch (RuntimeException e) {
            LOG.error("Sluice stopped, but not cleanly: {}", e.getMessage(), e);
        }
    }
}
