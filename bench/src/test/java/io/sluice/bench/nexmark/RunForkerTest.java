package io.sluice.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunForkerTest {
    private static final Path LOG = Path.of("q0-sluice.log");

    @Test
    void aRunsResultIsItsLastResultLine() {
        RunOutcome outcome = RunForker.outcome(Engines.SLUICE, "q0", 1_000, 2, "some output\nRESULT 1.500000 2.250000\n",
                0, LOG);
        assertEquals(new RunOutcome.Measured(new Measurement("q0", "sluice", 2, 1_000, 1.5, 2.25)), outcome);
    }

    @Test
    void anUnsupportedQueryKeepsItsReason() {
        RunOutcome outcome = RunForker.outcome(Engines.SLUICE, "q8", 1_000, 1, "UNSUPPORTED joins are not supported yet\n",
                0, LOG);
        assertEquals(new RunOutcome.Unsupported("q8", "sluice", "joins are not supported yet"), outcome);
    }

    @Test
    void aRunThatExitedBadlyOrSaidNothingFailed() {
        assertEquals(new RunOutcome.Failed("q0", "flink", "exit status 1", LOG.toString()),
                RunForker.outcome(Engines.FLINK, "q0", 1_000, 1, "RESULT 1.0 1.0\n", 1, LOG));
        assertEquals(new RunOutcome.Failed("q0", "flink", "exit status 0", LOG.toString()),
                RunForker.outcome(Engines.FLINK, "q0", 1_000, 1, "", 0, LOG));
    }
}
