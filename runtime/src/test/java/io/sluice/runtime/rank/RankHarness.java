package io.sluice.runtime.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.sort.SortField;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.testing.Rows;
import io.sluice.runtime.testing.TestTasks;
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
 * Drives one rank operator by hand over rows {@code (k VARCHAR, v BIGINT)} partitioned by
 * {@code k} and ranked by {@code v} descending (NULLs first): each call one batch, rows written
 * {@code "+I a 10"} (a null as {@code NULL}); the output collected as {@code +I|a|10|1} (the rank
 * last when output). Several harnesses may share one root allocator, to move state between them.
 */
final class RankHarness implements AutoCloseable {
    static final Schema ROWS = new Schema(List.of(
            Field.nullable("k", ArrowType.Utf8.INSTANCE),
            Field.nullable("v", new ArrowType.Int(64, true))));

    private final BufferAllocator query;
    private final boolean updating;
    private final List<String> output = new ArrayList<>();
    private final RankOperator operator;

    RankHarness(BufferAllocator root, RankFunction function, long low, long high, boolean outputRank, boolean updating) {
        this.query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
        this.updating = updating;
        List<Field> fields = new ArrayList<>(ROWS.getFields());
        if (outputRank) {
            fields.add(new Field("rank", FieldType.notNullable(new ArrowType.Int(64, true)), null));
        }
        RankOperatorFactory factory = new RankOperatorFactory(ROWS, updating, new int[] {0},
                List.of(new SortField(1, true, true)), false, function, low, high, outputRank,
                RowKinds.withRowKind(new Schema(fields)), StateTtl.NEVER);
        operator = (RankOperator) factory.create(TestTasks.context(query, new QueryMetrics(), 0, 1, 4), new Output() {
            @Override
            public void emit(VectorSchemaRoot batch) {
                for (String row : Rows.of(batch)) {
                    int bar = row.lastIndexOf('|');
                    output.add(RowKind.ofCode(Byte.parseByte(row.substring(bar + 1))).shortString() + "|"
                            + row.substring(0, bar));
                }
            }

            @Override
            public void emitWatermark(long watermark) {
            }

            @Override
            public void finish() {
            }
        });
    }

    static RankHarness appendOnly(BufferAllocator root, RankFunction function, long high, boolean outputRank) {
        return new RankHarness(root, function, 1, high, outputRank, false);
    }

    /** One batch; each row {@code "kind k v"}, the kind left out over an append-only input. */
    RankHarness batch(String... rows) {
        Schema schema = updating ? RowKinds.withRowKind(ROWS) : ROWS;
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(schema, query)) {
            for (int row = 0; row < rows.length; row++) {
                String[] parts = rows[row].split(" ");
                int first = updating ? 1 : 0;
                if (updating) {
                    RowKinds.set(RowKinds.of(batch), row, RowKind.ofShortString(parts[0]));
                }
                VarCharVector keys = (VarCharVector) batch.getVector(0);
                BigIntVector values = (BigIntVector) batch.getVector(1);
                if (parts[first].equals("NULL")) {
                    keys.setNull(row);
                } else {
                    keys.setSafe(row, parts[first].getBytes(StandardCharsets.UTF_8));
                }
                if (parts[first + 1].equals("NULL")) {
                    values.setNull(row);
                } else {
                    values.setSafe(row, Long.parseLong(parts[first + 1]));
                }
            }
            batch.setRowCount(rows.length);
            operator.process(batch);
        }
        return this;
    }

    RankState state() {
        return operator.state();
    }

    /** The output so far, and forgets it. */
    List<String> output() {
        List<String> copy = List.copyOf(output);
        output.clear();
        return copy;
    }

    @Override
    public void close() {
        operator.finish();
        operator.close();
        assertEquals(0, query.getAllocatedMemory(), "the operator freed what it held");
        query.close();
    }

    /** A root allocator that must be empty when closed. */
    static RootAllocator root() {
        return new RootAllocator() {
            @Override
            public void close() {
                assertEquals(0, getAllocatedMemory(), "nothing leaked");
                super.close();
            }
        };
    }
}
