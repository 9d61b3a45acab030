package io.sluice.engine.server;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.security.AccessPolicy;
import java.io.PrintWriter;
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
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Serves JDBC clients on jdbc:sluice://HOST:PORT until stopped with Ctrl-C.")
public final class ServerCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCommand.class);

    @Option(names = "--port", defaultValue = "8765", description = "The port to listen on (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "The address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--demo", description = "Declare the demo streams before serving.")
    private boolean demo;

    @Option(names = "--session-timeout", defaultValue = "60s", converter = DurationConverter.class,
            description = "Close a client's connection, stopping its queries, after it sent nothing for this long,"
                    + " e.g. 60s, 5m; 0 for never (default: ${DEFAULT-VALUE}).")
    private Duration sessionTimeout;

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
        Engine engine;
        try {
            AccessPolicy policy = access.policy();
            LOG.info("Access policy: {}", policy);
            engine = Engine.create(EngineConfig.defaults().withAccessPolicy(policy));
        } catch (SluiceException e) {
            err.println("sluice server: " + e.getMessage());
            err.flush();
            return 1;
        }
        JdbcServer server;
        try {
            if (demo) {
                declareDemoStreams(engine);
            }
            server = JdbcServer.start(engine, new JdbcServerConfig(bind, port, sessionTimeout));
        } catch (SluiceException | IllegalArgumentException e) {
            engine.close();
            err.println("sluice server: " + e.getMessage());
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(server, engine);
            stopped.countDown();
        }, "sluice-server-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Sluice JDBC server listening on " + server.url() + " (Ctrl-C to stop)");
        out.flush();
        stopped.await();
        return 0;
    }

    private void declareDemoStreams(Engine engine) {
        try (Session session = engine.newSession()) {
            for (String statement : demoStatements.get()) {
                session.execute(statement);
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
