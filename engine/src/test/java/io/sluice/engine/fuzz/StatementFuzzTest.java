package io.sluice.engine.fuzz;

import io.sluice.engine.Engine;
import io.sluice.engine.jdbc.EmbeddedEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random statements, made from the grammar and then often broken, run through
 * {@link io.sluice.engine.Session#execute} and a sample of them through {@code jdbc:sluice:mem:}:
 * each succeeds or fails with a user error (never an internal error or another exception), ends
 * within its bound, and leaves no memory held; the engine answers a trivial query at the end.
 * Runs for {@value #DEFAULT_SECONDS} s by default; see {@link FuzzSettings} for a longer run.
 */
class StatementFuzzTest {
    private static final long DEFAULT_SECONDS = 30;
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(20);
    /** One statement in this many also goes through JDBC. */
    private static final int JDBC_SAMPLE = 8;
    /** Statements run in one session before the next starts afresh (settings made by SET last that long). */
    private static final int SESSION_LENGTH = 12;
    /** The run stops after this many statements went wrong, each reported. */
    private static final int MAX_VIOLATIONS = 20;

    @TempDir
    Path directory;

    @Test
    void everyStatementEndsWellOrWithAUserError() throws Exception {
        FuzzSettings settings = FuzzSettings.fromSystemProperties(DEFAULT_SECONDS);
        String jdbcName = "fuzz-" + settings.seed();
        Engine engine = Engine.create();
        Path jdbcDirectory = Files.createDirectory(directory.resolve("jdbc"));
        int cases = 0;
        List<String> violations = new ArrayList<>();
        try (StatementRunner runner = new StatementRunner(engine, STATEMENT_TIMEOUT);
                Connection jdbc = DriverManager.getConnection("jdbc:sluice:mem:" + jdbcName);
                StatementRunner jdbcEngine = new StatementRunner(EmbeddedEngines.find(jdbcName).orElseThrow(),
                        STATEMENT_TIMEOUT)) {
            FuzzTables tables = new FuzzTables(directory);
            tables.create(engine, runner);
            new FuzzTables(jdbcDirectory).create(jdbcEngine.engine(), jdbcEngine);
            long end = System.nanoTime() + settings.budget().toNanos();
            for (; System.nanoTime() < end && violations.size() < MAX_VIOLATIONS; cases++) {
                String sql = statement(settings.seed(), cases, tables);
                try {
                    runner.run(sql);
                    runner.checkNothingHeld(sql);
                    if (cases % JDBC_SAMPLE == 0) {
                        jdbcEngine.runJdbc(jdbc, sql);
                        jdbcEngine.checkNothingHeld(sql);
                    }
                    if (cases % SESSION_LENGTH == SESSION_LENGTH - 1) {
                        runner.newSession();
                    }
                } catch (AssertionError e) {
                    violations.add(settings.rerun(cases) + ": " + e.getMessage());
                    if (StatementRunner.isHang(e)) {
                        // The statement's thread is stuck: nothing after it would be bounded.
                        break;
                    }
                }
            }
            if (violations.isEmpty()) {
                runner.newSession();
                runner.checkAlive("the last statement, case " + (cases - 1));
            }
        } finally {
            engine.close();
        }
        System.out.println("statement fuzz: seed " + settings.seed() + ", " + cases + " statements");
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " of " + cases + " statements went wrong:\n\n"
                    + String.join("\n\n", violations));
        }
    }

    /** Statement {@code index} of the sequence of {@code seed}: made, and in one case of three broken. */
    static String statement(long seed, int index, FuzzTables tables) {
        Random random = new Random(seed * 1_000_003L + index);
        String statement = new StatementGenerator(random, tables, index).statement();
        return random.nextInt(3) == 0 ? new StatementMutator(random).mutate(statement) : statement;
    }
}
