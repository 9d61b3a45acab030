package io.sluice.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.bench.counting.RowCount;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunForkerTest {
    private static final Path LOG = Path.of("q0-sluice.log");

    @Test
    void aRunsResultIsItsResultLineOfEachSize() {
        RunOutcome outcome = RunForker.outcome(Engines.SLUICE, "q4", 1_000, 2, "some output\n"
                + "RESULT 1000 1.500000 2.250000 40 35\nRESULT 2000 2.500000 3.250000 60 55\n", 0, LOG);
        assertEquals(new RunOutcome.Measured(
                new Measurement("q4", "sluice", 2, 1_000, 1.5, 2.25, new RowCount(40, 35)),
                new Measurement("q4", "sluice", 2, 2_000, 2.5, 3.25, new RowCount(60, 55))), outcome);
    }

    @Test
    void theKeyedStateIsThatOfTheLargerRun() {
        RunOutcome outcome = RunForker.outcome(Engines.SLUICE, "q3", 1_000, 2, "RESULT 1000 1.5 2.25 40 0\n"
                + "STATE 1000 500 10\nRESULT 2000 2.5 3.25 60 0\nSTATE 2000 1200 16\n", 0, LOG);
        assertEquals(java.util.Optional.of(new KeyedStateSize(1_200, 16)), ((RunOutcome.Measured) outcome).state());
        assertEquals(75.0, new KeyedStateSize(1_200, 16).bytesPerKey());
    }

    @Test
    void aRunWithCheckpointsCarriesWhatItsJobsToldOfThemAtEachSize() {
        CheckpointSummary single = CheckpointSummary.of(List.of(40L, 10L, 30L), List.of(900L, 700L, 800L));
        CheckpointSummary doubled = CheckpointSummary.of(List.of(20L, 60L), List.of(1_500L, 1_000L));
        RunOutcome outcome = RunForker.outcome(Engines.SLUICE, "q5", 1_000, 1,
                "RESULT 1000 1.5 2.25 40 35\n" + single.line(1_000) + "\nRESULT 2000 2.5 3.25 60 55\n"
                        + doubled.line(2_000) + "\n", 0, LOG);
        RunOutcome.Measured measured = (RunOutcome.Measured) outcome;
        // medians by hand: of 10, 30, 40 ms and 700, 800, 900 B; of an even count the lower middle one
        assertEquals(Optional.of(new CheckpointSummary(3, 30, 800)), measured.single().checkpoints());
        assertEquals(Optional.of(new CheckpointSummary(2, 20, 1_000)), measured.doubled().checkpoints());
    }

    @Test
    void aRunWithoutCheckpointsHasNoSummaryAndTheForkedRunIsToldSo() {
        RunOutcome.Measured measured = (RunOutcome.Measured) RunForker.outcome(Engines.SLUICE, "q5", 1_000, 1,
                "RESULT 1000 1.5 2.25 40 35\nRESULT 2000 2.5 3.25 60 55\n", 0, LOG);
        assertEquals(Optional.empty(), measured.single().checkpoints());
        String[] arguments = Checkpointing.OFF.arguments();
        assertEquals(Checkpointing.OFF, Checkpointing.ofArguments(arguments[0], arguments[1]));
        Checkpointing every = Checkpointing.every("1 s", Optional.of("/tmp/ck"));
        arguments = every.arguments();
        assertEquals(every, Checkpointing.ofArguments(arguments[0], arguments[1]));
    }

    @Test
    void anUnsupportedQueryKeepsItsReason() {
        RunOutcome outcome = RunForker.outcome(Engines.SLUICE, "q8", 1_000, 1, "UNSUPPORTED joins are not supported yet\n",
                0, LOG);
        assertEquals(new RunOutcome.Unsupported("q8", "sluice", "joins are not supported yet"), outcome);
    }

    @Test
    void aQueryRejectedWithAnotherErrorFailedWithItsSqlState() {
        RunOutcome outcome = RunForker.outcome(Engines.SLUICE, "q4", 1_000, 1,
                "REJECTED 42000 line 6, column 5: Cannot convert table 'Q' to stream\n", 1, LOG);
        assertEquals(new RunOutcome.Failed("q4", "sluice",
                "rejected with SQLState 42000: line 6, column 5: Cannot convert table 'Q' to stream", LOG.toString()),
                outcome);
    }

    @Test
    void aRunThatExitedBadlyOrDidNotGiveBothSizesFailed() {
        String both = "RESULT 1000 1.0 1.0 5 0\nRESULT 2000 2.0 2.0 10 0\n";
        assertEquals(new RunOutcome.Failed("q0", "flink", "exit status 1", LOG.toString()),
                RunForker.outcome(Engines.FLINK, "q0", 1_000, 1, both, 1, LOG));
        assertEquals(new RunOutcome.Failed("q0", "flink", "exit status 0, no result of both sizes", LOG.toString()),
                RunForker.outcome(Engines.FLINK, "q0", 1_000, 1, "RESULT 1000 1.0 1.0 5 0\n", 0, LOG));
        assertEquals(new RunOutcome.Failed("q0", "flink", "exit status 0, no result of both sizes", LOG.toString()),
                RunForker.outcome(Engines.FLINK, "q0", 1_000, 1, "", 0, LOG));
    }
}
