package io.sluice.engine.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.engine.Engine;
import io.sluice.engine.Session;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Scripts: one whose continuous query is stopped, as Ctrl-C or SIGTERM stop it; one of TIME values. */
class ScriptRunnerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void stopCancelsTheContinuousQueryAndSkipsTheRest() throws Exception {
        Screen out = new Screen();
        Screen err = new Screen();
        ScriptRunner.Outcome outcome;
        Engine engine = Engine.create();
        try (Session session = engine.newSession(); LineServer server = new LineServer("a\nb\n")) {
            ScriptRunner runner = csvRunner(session, out, err);
            String script = server.createStream("words") + ";\nSELECT STREAM w FROM words;\nSELECT 'never' AS s;\n";
            CompletableFuture<ScriptRunner.Outcome> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.run(script);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            out.await("b\n", TIMEOUT);
            runner.stop();
            outcome = run.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            assertEquals(0, engine.allocator().getAllocatedMemory());
            engine.close();
        }
        assertEquals(ScriptRunner.Outcome.STOPPED, outcome);
        assertEquals("w\na\nb\n", out.text());
        assertEquals("2 rows; 2 records read\n", err.text());
    }

    /** Flink shows a TIME(0) as 12:34:56 and a TIMESTAMP(0) literal without a fraction. */
    @Test
    void timesAndTimestampsShowTheirPrecision() throws Exception {
        Screen out = new Screen();
        Screen err = new Screen();
        try (Engine engine = Engine.create()) {
            try (Session session = engine.newSession()) {
                ScriptRunner.Outcome outcome = csvRunner(session, out, err).run(
                        "SELECT TIME '12:34:56' AS t, TIME '01:02:03.5' AS t3, TIMESTAMP '2024-01-01 00:00:00' AS ts;\n"
                                + "SELECT CAST('23:59:59.999' AS TIME(3)) AS t;\n");
                assertEquals(ScriptRunner.Outcome.COMPLETED, outcome, err.text());
            }
            assertEquals(0, engine.allocator().getAllocatedMemory());
        }
        assertEquals("t,t3,ts\n12:34:56,01:02:03.5,2024-01-01 00:00:00\nt\n23:59:59.999\n", out.text());
    }

    private static ScriptRunner csvRunner(Session session, Screen out, Screen err) {
        return new ScriptRunner(session, OutputFormat.CSV, new PrintWriter(new OutputStreamWriter(out, UTF_8)),
                new PrintWriter(new OutputStreamWriter(err, UTF_8)));
    }
}
