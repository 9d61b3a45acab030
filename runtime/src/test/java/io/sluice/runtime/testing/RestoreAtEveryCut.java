package io.sluice.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Checks that an operator's snapshot holds everything its future output depends on: the script is
 * run once uninterrupted; once more with a snapshot taken between every two steps (which must not
 * change the output); then, for every cut, a fresh operator of the same factory is restored from
 * the snapshot taken there, snapshotted again at once (as a job that fails again before it moves
 * on would be), that snapshot restored into another fresh operator, and that one fed the rest.
 * The output before the cut and the restored operator's after it must be the uninterrupted
 * run's, exactly. Output rows are written
 * {@code a|b|c}, a changelog's {@code +I|a|b}; watermarks {@code watermark <millis>}; the end
 * {@code end}. Every run has its own allocators, which must be empty when it is closed.
 */
public final class RestoreAtEveryCut {
    private static final int BATCH_SIZE = 1024;

    private RestoreAtEveryCut() {
    }

    /** The uninterrupted run's output, and the size of each snapshot in bytes, by cut. */
    public record Result(List<String> output, int[] snapshotSizes) {
        public int largestSnapshot() {
            return Arrays.stream(snapshotSizes).max().orElse(0);
        }
    }

    /** Runs the check; returns the uninterrupted output, which the test compares with what it worked out. */
    public static Result check(OperatorFactory factory, OperatorScript script) {
        List<String> uninterrupted;
        try (Run run = new Run(factory, Long.MAX_VALUE)) {
            for (int step = 0; step < script.size(); step++) {
                run.feed(script, step);
            }
            run.operator.finish();
            uninterrupted = List.copyOf(run.output);
        }
        byte[][] snapshots = new byte[script.size() + 1][];
        int[] outputAtCut = new int[script.size() + 1];
        try (Run run = new Run(factory, Long.MAX_VALUE)) {
            for (int cut = 0; cut <= script.size(); cut++) {
                snapshots[cut] = run.snapshot();
                outputAtCut[cut] = run.output.size();
                if (cut < script.size()) {
                    run.feed(script, cut);
                }
            }
            run.operator.finish();
            assertEquals(uninterrupted, run.output, "taking snapshots changed what the operator emits");
        }
        for (int cut = 0; cut <= script.size(); cut++) {
            List<String> resumed = new ArrayList<>(uninterrupted.subList(0, outputAtCut[cut]));
            // a run that ended early (a LIMIT reached) says so again when it is restored
            if (!resumed.isEmpty() && resumed.get(resumed.size() - 1).equals("end")) {
                resumed.remove(resumed.size() - 1);
            }
            byte[] again;
            try (Run restored = new Run(factory, Long.MAX_VALUE, script, cut)) {
                restored.restore(snapshots[cut]);
                again = restored.snapshot();
            }
            try (Run run = new Run(factory, Long.MAX_VALUE, script, cut)) {
                run.restore(again);
                for (int step = cut; step < script.size(); step++) {
                    run.feed(script, step);
                }
                run.operator.finish();
                resumed.addAll(run.output);
            }
            assertEquals(uninterrupted, resumed, "restored from the snapshot after step " + cut + " of "
                    + script.size());
        }
        return new Result(uninterrupted, Arrays.stream(snapshots).mapToInt(s -> s.length).toArray());
    }

    /** The snapshot of an operator fed the whole script. */
    public static byte[] snapshotAfter(OperatorFactory factory, OperatorScript script) {
        try (Run run = new Run(factory, Long.MAX_VALUE)) {
            for (int step = 0; step < script.size(); step++) {
                run.feed(script, step);
            }
            return run.snapshot();
        }
    }

    /**
     * Restores a fresh operator from {@code snapshot} in a query whose memory is limited to
     * {@code memoryLimit} bytes, expecting a failure: returns it. The operator is closed after, and
     * must leave nothing allocated.
     */
    public static SluiceException restoreFails(OperatorFactory factory, byte[] snapshot, long memoryLimit) {
        try (Run run = new Run(factory, memoryLimit)) {
            return assertThrows(SluiceException.class, () -> run.restore(snapshot));
        }
    }

    /**
     * Every damage to the snapshot fails to restore with a SluiceException and leaves nothing
     * allocated: cut short at every length, and one bit flipped in every byte.
     */
    public static void everyDamageFails(OperatorFactory factory, byte[] snapshot) {
        for (int length = 0; length < snapshot.length; length++) {
            assertRestoreFails(factory, Arrays.copyOf(snapshot, length),
                    "a snapshot cut to " + length + " of its " + snapshot.length + " bytes");
        }
        for (int at = 0; at < snapshot.length; at++) {
            byte[] damaged = snapshot.clone();
            damaged[at] ^= (byte) (1 << (at % 8));
            assertRestoreFails(factory, damaged, "a snapshot with byte " + at + " of " + snapshot.length + " damaged");
        }
    }

    private static void assertRestoreFails(OperatorFactory factory, byte[] snapshot, String what) {
        try (Run run = new Run(factory, Long.MAX_VALUE)) {
            run.restore(snapshot);
            fail(what + " was restored");
        } catch (SluiceException expected) {
            // what a damaged snapshot must give
        }
    }

    /** One operator in allocators of its own, fed by a clock of its own, its output collected as text. */
    private static final class Run implements AutoCloseable {
        private final RootAllocator root = new RootAllocator();
        private final BufferAllocator query;
        private final HandClock clock = new HandClock();
        private final List<String> output = new ArrayList<>();
        private final Operator operator;
        private long checkpoints;

        Run(OperatorFactory factory, long memoryLimit) {
            this(factory, memoryLimit, new OperatorScript(), 0);
        }

        /** A run that resumes the script at step {@code start}: the clock shows the time of that step. */
        Run(OperatorFactory factory, long memoryLimit, OperatorScript script, int start) {
            script.moveClockTo(start, clock);
            query = root.newChildAllocator("query", 0, memoryLimit);
            operator = factory.create(TestTasks.context(query, new QueryMetrics(), clock, 0, 1, BATCH_SIZE),
                    new Output() {
                        @Override
                        public void emit(VectorSchemaRoot batch) {
                            for (int row = 0; row < batch.getRowCount(); row++) {
                                output.add(text(batch, row));
                            }
                        }

                        @Override
                        public void emitWatermark(long watermark) {
                            output.add("watermark " + (watermark == Watermarks.END ? "end" : watermark));
                        }

                        @Override
                        public void finish() {
                            output.add("end");
                        }
                    });
        }

        void feed(OperatorScript script, int step) {
            script.feed(step, operator, query, clock);
        }

        /** A snapshot for the next checkpoint of this run. */
        byte[] snapshot() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (StateWriter out = new StateWriter(bytes)) {
                ((Checkpointed) operator).snapshotState(++checkpoints, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        void restore(byte[] snapshot) {
            try {
                ((Checkpointed) operator).restoreState(new StateReader(new ByteArrayInputStream(snapshot)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String text(VectorSchemaRoot batch, int row) {
            String values = Rows.row(batch, row);
            if (!RowKinds.carried(batch)) {
                return values;
            }
            String kind = RowKinds.at(batch, row).shortString();
            int bar = values.lastIndexOf('|');
            return bar < 0 ? kind : kind + "|" + values.substring(0, bar);
        }

        @Override
        public void close() {
            operator.close();
            query.close();
            assertEquals(0, root.getAllocatedMemory(), "the operator left memory allocated");
            root.close();
        }
    }
}
