package io.sluice.runtime.changelog.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.testing.HandClock;
import io.sluice.runtime.testing.Rows;
import io.sluice.runtime.testing.TestTasks;
import io.sluice.runtime.vector.ColumnTypes;
import io.sluice.runtime.vector.ColumnViews;
import io.sluice.runtime.vector.VectorValues;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The normalisation of an upsert changelog, batch by batch: each call of {@link #feed} is one
 * batch of {@code kind|k|v} rows; the output is collected as {@code kind|k|v}.
 */
class ChangelogNormalizeOperatorTest {
    private static final Schema ROWS = new Schema(List.of(
            Field.nullable("k", ColumnTypes.VARCHAR),
            Field.nullable("v", ColumnTypes.BIGINT)));
    private static final Schema SCHEMA = RowKinds.withRowKind(ROWS);

    private final RootAllocator root = new RootAllocator();
    private final List<String> output = new ArrayList<>();
    private int outputsClosed;
    private final HandClock clock = new HandClock();

    @AfterEach
    void noLeak() {
        assertEquals(0, root.getAllocatedMemory());
        root.close();
    }

    @Test
    void upsertsBecomeInsertsUpdatesWithOldValuesAndDeletesOfKeptRows() {
        try (Operator operator = operator(StateTtl.NEVER)) {
            feed(operator, "+U|a|1", "+U|b|5");
            assertEquals(List.of("+I|a|1", "+I|b|5"), take());
            // The same row again changes nothing; a new value of a known key is its old row, then its new.
            feed(operator, "+U|a|1", "+I|a|2");
            assertEquals(List.of("-U|a|1", "+U|a|2"), take());
            // A tombstone carries the key only: the delete is of the kept row; of an unknown key, nothing.
            feed(operator, "-D|b|NULL", "-D|c|NULL", "-D|b|NULL");
            assertEquals(List.of("-D|b|5"), take());
            // Several changes of one key in one batch, in order; an old value in the input is skipped.
            feed(operator, "+U|b|6", "-U|b|6", "+U|b|7", "-D|a|NULL", "+U|a|3");
            assertEquals(List.of("+I|b|6", "-U|b|6", "+U|b|7", "-D|a|2", "+I|a|3"), take());
            operator.finish();
        }
    }

    @Test
    void closingClosesTheOperatorsAfterIt() {
        operator(StateTtl.NEVER).close();
        assertEquals(1, outputsClosed);
    }

    @Test
    void manyUpdatesCompactTheKeptRowsWithoutLosingAny() {
        Map<String, Long> model = new TreeMap<>();
        try (Operator operator = operator(StateTtl.NEVER)) {
            for (int round = 0; round < 40; round++) {
                List<String> batch = new ArrayList<>();
                for (int key = 0; key < 100; key++) {
                    // Values of growing length, so that the variable-width column is rewritten often.
                    batch.add((key % 7 == round % 7 ? "-D|k" + key + "|NULL" : "+U|k" + key + "|" + round * key));
                }
                feed(operator, batch.toArray(new String[0]));
                for (String change : take()) {
                    apply(model, change);
                }
            }
            operator.finish();
        }
        // By hand: in the last round (39) keys with key % 7 == 39 % 7 = 4 were deleted, the others hold 39 * key.
        Map<String, Long> expected = new TreeMap<>();
        for (int key = 0; key < 100; key++) {
            if (key % 7 != 4) {
                expected.put("k" + key, 39L * key);
            }
        }
        assertEquals(expected, model);
    }

    @Test
    void keysIdleLongerThanTheTtlAreForgotten() {
        try (Operator operator = operator(new StateTtl(10_000))) {
            feed(operator, "+U|a|1");
            clock.advance(6_000);
            feed(operator, "+U|b|1");
            clock.advance(6_000);
            // a is idle for 12 s and goes after this batch; b, 6 s idle, stays.
            feed(operator, "+U|c|1");
            assertEquals(List.of("+I|a|1", "+I|b|1", "+I|c|1"), take());
            feed(operator, "+U|a|1", "+U|b|1");
            assertEquals(List.of("+I|a|1"), take());
            operator.finish();
        }
    }

    @Test
    void aSnapshotRestoresIntoAFreshStateThatBehavesTheSame() throws Exception {
        BufferAllocator allocator = root.newChildAllocator("state", 0, Long.MAX_VALUE);
        byte[] snapshot;
        try (LastRowState state = new LastRowState(ROWS, new int[] {0}, allocator);
             VectorSchemaRoot batch = batch("+U|a|1", "+U|b|2", "+U|c|3", "+U|a|4")) {
            int[] ids = state.ids(batch, 4);
            for (int row = 0; row < 4; row++) {
                state.put(ids[row], batch, row, 100 + row);
            }
            state.remove(ids[1]);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (StateWriter out = new StateWriter(bytes)) {
                state.snapshot(out);
            }
            snapshot = bytes.toByteArray();
        }
        try (LastRowState restored = new LastRowState(ROWS, new int[] {0}, allocator);
             VectorSchemaRoot probe = batch("+U|a|4", "+U|b|2", "+U|c|9")) {
            restored.restore(new StateReader(new ByteArrayInputStream(snapshot)));
            int[] ids = restored.ids(probe, 3);
            assertTrue(restored.has(ids[0]));
            assertTrue(restored.sameAs(ids[0], probe, 0), "a keeps its last row, 4");
            assertFalse(restored.has(ids[1]), "b was deleted");
            assertTrue(restored.has(ids[2]));
            assertFalse(restored.sameAs(ids[2], probe, 2), "c holds 3, not 9");
            // Touched at 102: a cutoff after that forgets c, one before keeps a (touched at 103).
            assertEquals(1, restored.expire(103));
            ids = restored.ids(probe, 3);
            assertTrue(restored.has(ids[0]));
            assertFalse(restored.has(ids[2]));
        }
        allocator.close();
    }

    private Operator operator(StateTtl ttl) {
        TaskContext context = TestTasks.context(root, new QueryMetrics(), clock, 0, 1, 4);
        return new ChangelogNormalizeOperatorFactory(new int[] {0}, SCHEMA, ttl).create(context, new Output() {
            @Override
            public void emit(VectorSchemaRoot batch) {
                VectorSchemaRoot rows = ColumnViews.leading(batch, 2);
                for (int row = 0; row < batch.getRowCount(); row++) {
                    output.add(RowKinds.at(batch, row).shortString() + "|" + Rows.row(rows, row));
                }
            }

            @Override
            public void emitWatermark(long watermark) {
            }

            @Override
            public void finish() {
            }

            @Override
            public void close() {
                outputsClosed++;
            }
        });
    }

    private void feed(Operator operator, String... rows) {
        try (VectorSchemaRoot batch = batch(rows)) {
            operator.process(batch);
        }
    }

    private VectorSchemaRoot batch(String... rows) {
        VectorSchemaRoot batch = VectorSchemaRoot.create(SCHEMA, root);
        for (int row = 0; row < rows.length; row++) {
            String[] parts = rows[row].split("\\|");
            VectorValues.set(batch.getVector(0), row, parts[1]);
            VectorValues.set(batch.getVector(1), row, parts[2].equals("NULL") ? null : Long.parseLong(parts[2]));
            RowKinds.set(RowKinds.of(batch), row, RowKind.ofShortString(parts[0]));
        }
        batch.setRowCount(rows.length);
        return batch;
    }

    private List<String> take() {
        List<String> taken = new ArrayList<>(output);
        output.clear();
        return taken;
    }

    /** Applies a retract change to a map of key to value, checking that it retracts what is there. */
    private static void apply(Map<String, Long> model, String change) {
        String[] parts = change.split("\\|");
        long value = Long.parseLong(parts[2]);
        switch (parts[0]) {
            case "+I", "+U" -> assertEquals(null, model.put(parts[1], value), change);
            default -> assertEquals(value, model.remove(parts[1]), change);
        }
    }
}
