package io.sluice.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The command line itself: its usage and its subcommands. */
class MainTest {
    @Test
    void helpListsTheOptionsAndTheServer() {
        SluiceRun run = SluiceRun.of("--help");

        assertEquals(0, run.exitCode(), run.err());
        for (String option : new String[] {"--file=FILE", "--execute=SQL", "--format=FORMAT", "--no-demo", "server"}) {
            assertTrue(run.out().contains(option), option + " in:\n" + run.out());
        }
    }

    @Test
    void serverIsASubcommand() {
        SluiceRun run = SluiceRun.of("server", "--help");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Usage: sluice server "), run.out());
        assertTrue(run.out().contains("--demo"), run.out());
    }

    @Test
    void unknownFormatIsAUsageError() {
        SluiceRun run = SluiceRun.of("--no-demo", "--format", "xml", "-e", "SELECT 1");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("Invalid value for option '--format'"), run.err());
    }
}
