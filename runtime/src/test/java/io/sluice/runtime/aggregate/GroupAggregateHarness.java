package io.sluice.runtime.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.testing.HandClock;
import io.sluice.runtime.testing.Rows;
import io.sluice.runtime.testing.TestTasks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Drives one GROUP BY aggregation by hand: batches of {@code (k VARCHAR, v BIGINT)} changelog
 * rows ({@code "+I", "a", 1}), each call one batch; results {@code op|k|count|sum} collected as
 * text. Time is a clock the test moves. The allocator must be empty when it closes.
 */
final class GroupAggregateHarness implements AutoCloseable {
    static final Schema ROWS = new Schema(List.of(
            Field.nullable("k", ArrowType.Utf8.INSTANCE),
            Field.nullable("v", new ArrowType.Int(64, true))));
    private static final Schema RESULTS = new Schema(List.of(
            Field.nullable("k", ArrowType.Utf8.INSTANCE),
            new Field("count", FieldType.notNullable(new ArrowType.Int(64, true)), null),
            Field.nullable("sum", new ArrowType.Int(64, true))));
    private final RootAllocator root = new RootAllocator();
    private final BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
    private final List<String> output = new ArrayList<>();
    private final boolean changelog;
    private final GroupAggregateOperator operator;
    private final HandClock clock = new HandClock();

    GroupAggregateHarness(boolean changelog, StateTtl ttl) {
        this(changelog, ttl, true);
    }

    /** @param updateBefore whether updates emit their old values (false: upsert mode) */
    GroupAggregateHarness(boolean changelog, StateTtl ttl, boolean updateBefore) {
        this.changelog = changelog;
        GroupAggregateOperatorFactory factory = new GroupAggregateOperatorFactory(new int[] {0},
                RetractingCountSumKernel.class, List.of(), changelog, changelog ? RowKinds.withRowKind(ROWS) : ROWS,
                RowKinds.withRowKind(RESULTS), ttl, false, updateBefore);
        operator = (GroupAggregateOperator) factory.create(TestTasks.context(query, new QueryMetrics(), clock, 0, 1, 1024),
                new Output() {
                @Override
                public void emit(VectorSchemaRoot batch) {
                    for (int row = 0; row < batch.getRowCount(); row++) {
                        String values = Rows.row(batch, row);
                        // the row kind, printed last as its code, goes first as +I/-U/+U/-D
                        output.add(RowKinds.at(batch, row).shortString() + "|" + values.substring(0, values.lastIndexOf('|')));
                    }
                }

                @Override
                public void emitWatermark(long watermark) {
                    output.add("watermark " + watermark);
                }

                @Override
                public void finish() {
                    output.add("end");
                }
            });
    }

    /** One batch of rows, each {@code {kind, key, value}}; the kind is ignored for an insert-only input. */
    GroupAggregateHarness batch(Object[]... rows) {
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(changelog ? RowKinds.withRowKind(ROWS) : ROWS, query)) {
            VarCharVector keys = (VarCharVector) batch.getVector(0);
            BigIntVector values = (BigIntVector) batch.getVector(1);
            for (int row = 0; row < rows.length; row++) {
                keys.setSafe(row, rows[row][1].toString().getBytes(StandardCharsets.UTF_8));
                if (rows[row][2] == null) {
                    values.setNull(row);
                } else {
                    values.setSafe(row, ((Number) rows[row][2]).longValue());
                }
                if (changelog) {
                    RowKinds.set(RowKinds.of(batch), row, RowKind.ofShortString((String) rows[row][0]));
                }
            }
            batch.setRowCount(rows.length);
            operator.process(batch);
        }
        return this;
    }

    static Object[] row(String kind, String key, Long value) {
        return new Object[] {kind, key, value};
    }

    GroupAggregateHarness at(long newMillis) {
        clock.advance(newMillis - clock.millis());
        return this;
    }

    GroupAggregateHarness watermark(long watermark) {
        operator.processWatermark(watermark);
        return this;
    }

    /** The output so far, and forgets it. */
    List<String> output() {
        List<String> copy = List.copyOf(output);
        output.clear();
        return copy;
    }

    byte[] snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter writer = new StateWriter(bytes)) {
            operator.state().snapshot(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    void restore(byte[] snapshot) {
        try {
            operator.state().restore(new StateReader(new ByteArrayInputStream(snapshot)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long stateBytes() {
        return operator.state().estimatedBytes();
    }

    @Override
    public void close() {
        operator.finish();
        operator.close();
        query.close();
        assertEquals(0, root.getAllocatedMemory());
        root.close();
    }
}
