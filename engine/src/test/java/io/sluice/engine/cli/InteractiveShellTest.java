package io.sluice.engine.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.Session;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The interactive shell, typed at through a dumb terminal over in-memory streams. */
class InteractiveShellTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Engine engine;
    private Session session;
    private final Screen screen = new Screen();

    @BeforeEach
    void startEngine() {
        engine = Engine.create();
        session = engine.newSession();
    }

    @AfterEach
    void closeEngine() {
        session.close();
        assertEquals(0, engine.allocator().getAllocatedMemory());
        engine.close();
    }

    private Terminal terminal(String input) throws IOException {
        return new DumbTerminal("test", "dumb", new ByteArrayInputStream(input.getBytes(UTF_8)), screen, UTF_8);
    }

    /** Types the input, then the end of input (Ctrl-D), and returns what the screen shows. */
    private String type(String input) throws IOException {
        try (Terminal terminal = terminal(input)) {
            new InteractiveShell(session, terminal, Optional.empty()).run();
        }
        return screen.text();
    }

    @Test
    void statementTypedOverTwoLinesRuns() throws IOException {
        String shown = type("SELECT 41 + 1\nAS answer;\n");

        // The label from the second line shows that both lines made one statement; an INTEGER
        // column is 11 characters wide.
        assertTrue(shown.contains("|      answer |\n"), shown);
        assertTrue(shown.contains("|          42 |\n"), shown);
        assertTrue(shown.contains("1 row; 1 record read"), shown);
    }

    @Test
    void errorIsPrintedAndTheShellGoesOn() throws IOException {
        String shown = type("SELECT 1 AS n FROM missing;\nSELECT 7 AS n;\n");

        assertTrue(shown.contains("ERROR 42S02: line 1, column 20: "), shown);
        assertTrue(shown.contains("|           7 |\n"), shown);
    }

    @Test
    void changelogModeShowsTheKindOfAppendedRows() throws IOException {
        String shown = type("SET 'sql-client.execution.result-mode' = 'changelog';\nSELECT 5 AS n;\n");

        assertTrue(shown.contains("| op |"), shown);
        assertTrue(shown.contains("| +I |           5 |\n"), shown);
    }

    @Test
    void anUnknownResultModeIsRefused() throws IOException {
        String shown = type("SET 'sql-client.execution.result-mode' = 'grid';\n");

        assertTrue(shown.contains("must be 'table', 'changelog' or 'tableau', not 'grid'"), shown);
    }

    @Test
    void quitEndsTheShell() throws IOException {
        String shown = type("SELECT 5 AS n;\nquit;\nSELECT 7 AS n;\n");

        assertTrue(shown.contains("|           5 |\n"), shown);
        assertFalse(shown.contains("|           7 |"), shown);
    }

    @Test
    void helpListsStatementsAndDdlSaysWhatItDid() throws IOException {
        String shown = type("help;\nCREATE STREAM t (v INT) WITH ('connector' = 'file', 'path' = 'none.csv', "
                + "'format' = 'csv');\nSHOW STREAMS;\n");

        assertTrue(shown.contains("SHOW STREAMS;  SHOW TABLES;"), shown);
        assertTrue(shown.contains("Stream 't' created"), shown);
        assertTrue(shown.contains("| t    |"), shown);
    }

    @Test
    void ctrlCCancelsTheRunningQueryAndTheShellGoesOn() throws Exception {
        try (LineServer server = new LineServer("a\nb\n")) {
            session.execute(server.createStream("words"));
            try (Terminal terminal = terminal("SELECT STREAM w FROM words;\nSELECT 5 AS n;\n")) {
                CompletableFuture<Void> shell = CompletableFuture.runAsync(
                        () -> new InteractiveShell(session, terminal, Optional.empty()).run());
                screen.await("| b ", TIMEOUT);
                terminal.raise(Terminal.Signal.INT);
                shell.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
        String shown = screen.text();
        assertTrue(shown.contains("2 rows; 2 records read; cancelled"), shown);
        assertTrue(shown.contains("|           5 |\n"), shown);
    }
}
