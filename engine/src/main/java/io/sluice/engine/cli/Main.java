package io.sluice.engine.cli;

import io.sluice.engine.Engine;
import io.sluice.engine.Session;
import io.sluice.engine.server.ServerCommand;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.Signals;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code sluice} command: the interactive shell on an embedded engine, or with {@code -f} /
 * {@code -e} a script run to its end, or {@code sluice server} a JDBC server ({@link ServerCommand}).
 * The demo streams are declared unless {@code --no-demo}.
 * Exit status: 0 on success, 1 after an error, 2 for a bad command line, 130 (143) when Ctrl-C
 * (SIGTERM) stopped a script.
 */
@Command(name = "sluice", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Sluice, a continuous-query SQL engine.",
            "Without -f or -e, an interactive shell with the demo streams bids, auctions and persons.",
            "'sluice server' serves JDBC clients instead (see 'sluice server --help')."})
public final class Main implements Callable<Integer> {
    static final int SUCCESS = 0;
    static final int FAILURE = 1;
    static final int INTERRUPTED = 130;
    static final int TERMINATED = 143;
    private static final String ARROW_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.apache.arrow";
    /** Where the log goes; the shell and scripts keep it off the terminal, the server leaves it on stderr. */
    static final String LOG_FILE = "org.slf4j.simpleLogger.logFile";

    @ArgGroup(exclusive = true)
    private Script script;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "How -f and -e print rows: table, csv or json (default: table).")
    private OutputFormat format = OutputFormat.TABLE;

    @Option(names = "--no-demo", description = "Do not declare the demo streams.")
    private boolean noDemo;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Spec
    private CommandSpec spec;

    /** Where the statements of a script come from. */
    static final class Script {
        @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true,
                description = "Run the statements of a SQL script, then exit.")
        private Path file;

        @Option(names = {"-e", "--execute"}, paramLabel = "SQL", required = true,
                description = "Run these statements (separated by ';'), then exit.")
        private String sql;
    }

    public static void main(String[] args) {
        // Arrow says at INFO which allocator it found; users need not see that.
        if (System.getProperty(ARROW_LOG_LEVEL) == null) {
            System.setProperty(ARROW_LOG_LEVEL, "warn");
        }
        boolean server = args.length > 0 && args[0].equals("server");
        if (!server && System.getProperty(LOG_FILE) == null) {
            logDirectory().ifPresent(directory -> System.setProperty(LOG_FILE, directory.resolve("sluice.log").toString()));
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        int status = commandLine().setOut(out).execute(args);
        out.flush();
        System.exit(status);
    }

    /**
     * {@code ~/.sluice}, made readable by its owner only where the file system knows owners: the
     * log holds statements and data, and a folder of the user's own cannot be planted with a link.
     * Empty if it cannot be made; the log then goes to standard error.
     */
    private static Optional<Path> logDirectory() {
        Path directory = Path.of(System.getProperty("user.home"), ".sluice");
        try {
            if (!Files.isDirectory(directory)) {
                try {
                    Files.createDirectories(directory,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createDirectories(directory);
                }
            }
            return Optional.of(directory);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The command line, ready to {@link CommandLine#execute execute}: rows go to its out, errors to its err. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .addSubcommand(new ServerCommand(DemoStreams::statements))
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String statements;
        try {
            statements = script == null ? null : script.sql != null ? script.sql : read(script.file);
        } catch (SluiceException e) {
            ErrorText.print(e, err);
            return FAILURE;
        }
        try (Engine engine = Engine.create(); Session session = engine.newSession()) {
            if (!noDemo) {
                try {
                    DemoStreams.declare(session);
                } catch (RuntimeException e) {
                    ErrorText.print(ErrorText.of(e), err);
                    return FAILURE;
                }
            }
            return statements == null ? shell(session) : runScript(statements, session, out, err);
        }
    }

    private int runScript(String statements, Session session, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        ScriptRunner runner = new ScriptRunner(session, format, out, err);
        AtomicInteger signalStatus = new AtomicInteger();
        Object previousInt = Signals.register("INT", () -> stop(runner, signalStatus, INTERRUPTED));
        Object previousTerm = Signals.register("TERM", () -> stop(runner, signalStatus, TERMINATED));
        try {
            return switch (runner.run(statements)) {
                case COMPLETED -> SUCCESS;
                case FAILED -> FAILURE;
                case STOPPED -> signalStatus.get();
            };
        } finally {
            Signals.unregister("INT", previousInt);
            Signals.unregister("TERM", previousTerm);
        }
    }

    /** The first signal stops the script cleanly; a second one, if that hangs, ends the process. */
    private static void stop(ScriptRunner runner, AtomicInteger signalStatus, int status) {
        if (!signalStatus.compareAndSet(0, status)) {
            Runtime.getRuntime().halt(status);
        }
        runner.stop();
    }

    private int shell(Session session) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().name("sluice").system(true).dumb(true).build()) {
            PrintWriter screen = terminal.writer();
            screen.println("Sluice shell. Statements end with ';'. Type help; for a list, quit; to leave.");
            if (!noDemo) {
                screen.println("Demo streams: " + String.join(", ", DemoStreams.NAMES)
                        + ". Try: SELECT STREAM * FROM bids;");
            }
            screen.flush();
            Path history = Path.of(System.getProperty("user.home"), ".sluice_history");
            new InteractiveShell(session, terminal, Optional.of(history)).run();
        }
        return SUCCESS;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot read script '" + file + "': no such file", e);
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot read script '" + file + "': " + e, e);
        }
    }
}
