package io.sluice.runtime.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.testing.Rows;
import io.sluice.runtime.testing.TestTasks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class SortOperatorTest {
    private static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("k", ArrowType.Utf8.INSTANCE),
            Field.nullable("v", new ArrowType.Int(64, true)),
            Field.nullable("d", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))));

    /**
     * Random rows with NULLs and ties in random batches, sorted by random orders with random
     * offsets and limits: the rows must come as a stable sort of the model's rows by the same order.
     */
    @Test
    void rowsComeAsAModelSortsThem() {
        checkAgainstModel(new Random(7), 200, 60, 10);
    }

    /** Enough rows that a sort with a LIMIT drops rows it can no longer output, again and again. */
    @Test
    void aLimitedSortDropsRowsItCannotOutputAndStillSortsAsTheModel() {
        checkAgainstModel(new Random(8), 10, 20_000, 500);
    }

    /** Over a changelog, the rows sorted are what it leaves: equal rows cancel by kind. */
    @Test
    void aChangelogIsSortedAsTheRowsItLeaves() {
        Schema schema = new Schema(SCHEMA.getFields().subList(0, 2));
        String[] changes = {"+I a 3", "+I b 1", "+I a 3", "-D a 3", "+U c 2", "-U b 1", "+I b 1", "-D z 9"};
        List<String> output = new ArrayList<>();
        try (RootAllocator root = new RootAllocator()) {
            BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
            Operator operator = new SortOperatorFactory(schema, true, List.of(new SortField(1, false, false)), 0, -1)
                    .create(TestTasks.context(query, new QueryMetrics(), 0, 1, 2), collecting(output));
            try (VectorSchemaRoot batch = VectorSchemaRoot.create(RowKinds.withRowKind(schema), query)) {
                for (int row = 0; row < changes.length; row++) {
                    String[] parts = changes[row].split(" ");
                    RowKinds.set(RowKinds.of(batch), row, RowKind.ofShortString(parts[0]));
                    ((VarCharVector) batch.getVector(0)).setSafe(row, parts[1].getBytes(StandardCharsets.UTF_8));
                    ((BigIntVector) batch.getVector(1)).setSafe(row, Long.parseLong(parts[2]));
                }
                batch.setRowCount(changes.length);
                operator.process(batch);
            }
            operator.finish();
            operator.close();
            assertEquals(0, query.getAllocatedMemory());
            query.close();
        }
        // a 3 added twice and retracted once; b 1 retracted and added again; z 9 was never added
        assertEquals(List.of("b|1", "c|2", "a|3"), output);
    }

    private static Output collecting(List<String> output) {
        return new Output() {
            @Override
            public void emit(VectorSchemaRoot batch) {
                output.addAll(Rows.of(batch));
            }

            @Override
            public void emitWatermark(long watermark) {
            }

            @Override
            public void finish() {
            }
        };
    }

    private static void checkAgainstModel(Random random, int rounds, int maxRows, int maxBatch) {
        for (int round = 0; round < rounds; round++) {
            List<Object[]> rows = new ArrayList<>();
            int count = random.nextInt(maxRows);
            for (int i = 0; i < count; i++) {
                rows.add(new Object[] {
                        random.nextInt(5) == 0 ? null : "k" + random.nextInt(4) + (random.nextBoolean() ? "é" : ""),
                        random.nextInt(5) == 0 ? null : (long) random.nextInt(7) - 3,
                        random.nextInt(5) == 0 ? null : random.nextInt(5) / 2.0});
            }
            List<SortField> order = new ArrayList<>();
            for (int column : new int[] {random.nextInt(3), random.nextInt(3)}) {
                order.add(new SortField(column, random.nextBoolean(), random.nextBoolean()));
            }
            long offset = random.nextInt(4) == 0 ? random.nextInt(10) : 0;
            long fetch = random.nextBoolean() ? -1 : random.nextInt(20);
            List<String> expected = new ArrayList<>();
            List<Object[]> sorted = new ArrayList<>(rows);
            sorted.sort(model(order));
            for (long i = offset; i < sorted.size() && (fetch < 0 || i < offset + fetch); i++) {
                Object[] row = sorted.get((int) i);
                expected.add(text(row[0]) + "|" + text(row[1]) + "|" + text(row[2]));
            }
            assertEquals(expected, sort(rows, order, offset, fetch, random, maxBatch),
                    "round " + round + ": " + order + " offset " + offset + " fetch " + fetch);
        }
    }

    private static List<String> sort(List<Object[]> rows, List<SortField> order, long offset, long fetch,
                                     Random random, int maxBatch) {
        List<String> output = new ArrayList<>();
        try (RootAllocator root = new RootAllocator()) {
            BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
            Operator operator = new SortOperatorFactory(SCHEMA, false, order, offset, fetch).create(
                    TestTasks.context(query, new QueryMetrics(), 0, 1, 8), collecting(output));
            for (int from = 0; from < rows.size(); ) {
                int to = Math.min(rows.size(), from + 1 + random.nextInt(maxBatch));
                try (VectorSchemaRoot batch = VectorSchemaRoot.create(SCHEMA, query)) {
                    for (int i = from; i < to; i++) {
                        Object[] row = rows.get(i);
                        if (row[0] == null) {
                            batch.getVector(0).setNull(i - from);
                        } else {
                            ((VarCharVector) batch.getVector(0)).setSafe(i - from,
                                    ((String) row[0]).getBytes(StandardCharsets.UTF_8));
                        }
                        if (row[1] == null) {
                            batch.getVector(1).setNull(i - from);
                        } else {
                            ((BigIntVector) batch.getVector(1)).setSafe(i - from, (Long) row[1]);
                        }
                        if (row[2] == null) {
                            batch.getVector(2).setNull(i - from);
                        } else {
                            ((Float8Vector) batch.getVector(2)).setSafe(i - from, (Double) row[2]);
                        }
                    }
                    batch.setRowCount(to - from);
                    operator.process(batch);
                }
                from = to;
            }
            operator.finish();
            operator.close();
            assertEquals(0, query.getAllocatedMemory());
            query.close();
        }
        return output;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object[]> model(List<SortField> order) {
        return (left, right) -> {
            for (SortField field : order) {
                Comparable a = (Comparable) left[field.column()];
                Comparable b = (Comparable) right[field.column()];
                if (a == null || b == null) {
                    if (a != b) {
                        return (a == null) == field.nullsFirst() ? -1 : 1;
                    }
                    continue;
                }
                int c = a.compareTo(b);
                if (c != 0) {
                    return field.descending() ? -c : c;
                }
            }
            return 0;
        };
    }

    private static String text(Object value) {
        return value == null ? "NULL" : value.toString();
    }
}
