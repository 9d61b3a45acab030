package io.sluice.runtime.join;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.TwoInputOperator;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.testing.Rows;
import io.sluice.runtime.testing.TestTasks;
import io.sluice.runtime.vector.ColumnTypes;
import io.sluice.runtime.vector.VectorValues;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * The window join driven by hand, input by input: which rows meet, when they are emitted, and
 * which are late. Rows are {@code (window_end millis, key, name)}.
 */
class WindowJoinOperatorTest {
    static final Schema SIDE = new Schema(List.of(
            Field.nullable("end", ColumnTypes.TIMESTAMP),
            Field.nullable("k", ColumnTypes.BIGINT),
            Field.nullable("name", ColumnTypes.VARCHAR)));
    static final Schema JOINED = new Schema(List.of(
            Field.nullable("l_end", ColumnTypes.TIMESTAMP), Field.nullable("l_k", ColumnTypes.BIGINT),
            Field.nullable("l_name", ColumnTypes.VARCHAR), Field.nullable("r_end", ColumnTypes.TIMESTAMP),
            Field.nullable("r_k", ColumnTypes.BIGINT), Field.nullable("r_name", ColumnTypes.VARCHAR)));

    private final List<String> output = new ArrayList<>();
    private final QueryMetrics metrics = new QueryMetrics();

    @Test
    void pairsOfAWindowComeWhenTheWatermarkPassesItsEndAndLaterRowsAreLate() {
        try (RootAllocator root = new RootAllocator()) {
            BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
            try (TwoInputOperator join = join(query, JoinKind.INNER)) {
                send(join, 0, query, new Object[] {5000L, 1L, "a"}, new Object[] {10000L, 2L, "b"});
                send(join, 1, query, new Object[] {5000L, 1L, "x"}, new Object[] {5000L, 2L, "y"});
                assertEquals(List.of(), output);

                join.processWatermark(4999);
                assertEquals(List.of("1970-01-01 00:00:05.000|1|a|1970-01-01 00:00:05.000|1|x", "watermark 4999"),
                        output);
                output.clear();

                // The window ending at 5 s has joined: these rows for it are late.
                send(join, 1, query, new Object[] {5000L, 1L, "late"}, new Object[] {10000L, 2L, "z"});
                send(join, 0, query, new Object[] {5000L, 2L, "late too"});
                assertEquals(2, metrics.lateRecords());

                join.processWatermark(Watermarks.END);
                assertEquals(List.of("1970-01-01 00:00:10.000|2|b|1970-01-01 00:00:10.000|2|z", "watermark end"),
                        output);
                join.finish();
            }
            query.close();
        }
    }

    @Test
    void leftJoinKeepsUnmatchedLeftRowsAndNullKeysMatchNothing() {
        try (RootAllocator root = new RootAllocator()) {
            BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
            try (TwoInputOperator join = join(query, JoinKind.LEFT)) {
                send(join, 0, query, new Object[] {5000L, 1L, "a"}, new Object[] {5000L, null, "n"});
                send(join, 1, query, new Object[] {5000L, null, "m"}, new Object[] {5000L, 1L, "x"});
                join.processWatermark(Watermarks.END);
                assertEquals(List.of("1970-01-01 00:00:05.000|1|a|1970-01-01 00:00:05.000|1|x",
                        "1970-01-01 00:00:05.000|NULL|n|NULL|NULL|NULL", "watermark end"), output);
                join.finish();
            }
            query.close();
        }
    }

    /** A key that holds one value through a window on each side (as its bounds do) still decides which rows meet. */
    @Test
    void keysHoldingOneValueThroughAWindowMatchAllOrNothing() {
        try (RootAllocator root = new RootAllocator()) {
            BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
            try (TwoInputOperator join = join(query, JoinKind.LEFT)) {
                // window 5 s: key 1 on both sides, so each left row meets each right row
                send(join, 0, query, new Object[] {5000L, 1L, "a"}, new Object[] {5000L, 1L, "b"});
                send(join, 1, query, new Object[] {5000L, 1L, "x"}, new Object[] {5000L, 1L, "y"});
                // window 10 s: key 2 on the left, 3 on the right: nothing meets
                send(join, 0, query, new Object[] {10000L, 2L, "c"});
                send(join, 1, query, new Object[] {10000L, 3L, "z"});
                join.processWatermark(Watermarks.END);
                assertEquals(List.of(
                        "1970-01-01 00:00:05.000|1|a|1970-01-01 00:00:05.000|1|x",
                        "1970-01-01 00:00:05.000|1|b|1970-01-01 00:00:05.000|1|x",
                        "1970-01-01 00:00:05.000|1|a|1970-01-01 00:00:05.000|1|y",
                        "1970-01-01 00:00:05.000|1|b|1970-01-01 00:00:05.000|1|y",
                        "1970-01-01 00:00:10.000|2|c|NULL|NULL|NULL",
                        "watermark end"), output);
                join.finish();
            }
            query.close();
        }
    }

    private TwoInputOperator join(BufferAllocator allocator, JoinKind kind) {
        WindowJoinOperatorFactory factory = new WindowJoinOperatorFactory(kind, SIDE, SIDE, new int[] {1, 0},
                new int[] {1, 0}, 0, 0, JOINED);
        return (TwoInputOperator) factory.create(TestTasks.context(allocator, metrics, 0, 1, 1024), new Output() {
            @Override
            public void emit(VectorSchemaRoot batch) {
                output.addAll(Rows.of(batch));
            }

            @Override
            public void emitWatermark(long watermark) {
                output.add("watermark " + (watermark == Watermarks.END ? "end" : watermark));
            }

            @Override
            public void finish() {
            }
        });
    }

    private static void send(TwoInputOperator join, int input, BufferAllocator allocator, Object[]... rows) {
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(SIDE, allocator)) {
            for (int row = 0; row < rows.length; row++) {
                for (int column = 0; column < rows[row].length; column++) {
                    VectorValues.set(batch.getVector(column), row, rows[row][column]);
                }
            }
            batch.setRowCount(rows.length);
            join.process(input, batch);
        }
    }
}
