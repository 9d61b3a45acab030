package io.sluice.runtime.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.TwoInputOperator;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.testing.Rows;
import io.sluice.runtime.testing.TestTasks;
import io.sluice.runtime.vector.VectorValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random changelogs of both inputs, in random batches, through the join; the result its output
 * changelog leaves must be the join of what the inputs leave, computed here row by row from
 * SQL's definition of each join kind. Small key and value ranges make rows meet, repeat and be
 * taken back often; compaction is forced by many retractions.
 */
class JoinCrossCheckTest {
    private static final Schema SIDE = JoinOperatorTest.SIDE;
    private static final Schema JOINED = JoinOperatorTest.JOINED;

    /** A row of an input: key (or null) and value. */
    private record Row(Long k, String v) {
        String text() {
            return (k == null ? "NULL" : k.toString()) + "|" + v;
        }
    }

    @ParameterizedTest
    @EnumSource(JoinKind.class)
    void finalResultIsTheJoinOfTheFinalInputs(JoinKind kind) {
        for (long seed = 0; seed < 10; seed++) {
            check(kind, new Random(seed * 31 + kind.ordinal()), seed, 250, 4);
        }
    }

    /** Nearly as many rows taken back as added: the removed rows are reclaimed (compacted) several times on the way. */
    @ParameterizedTest
    @EnumSource(value = JoinKind.class, names = {"FULL", "ANTI"})
    void compactionKeepsTheResult(JoinKind kind) {
        check(kind, new Random(kind.ordinal()), 0, 1500, 5);
    }

    /**
     * @param batches how many batches the inputs send together
     * @param retract how many of ten rows take back a kept row (when there is one)
     */
    private static void check(JoinKind kind, Random random, long seed, int batches, int retract) {
        List<List<Row>> kept = List.of(new ArrayList<>(), new ArrayList<>());
        Map<String, Integer> result = new HashMap<>();
        try (RootAllocator root = new RootAllocator()) {
            BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
            Schema output = RowKinds.withRowKind(kind.leftOnly() ? SIDE : JOINED);
            JoinOperatorFactory factory = new JoinOperatorFactory(kind, SIDE, SIDE, new int[] {0}, new int[] {0},
                    true, true, null, true, output, StateTtl.NEVER);
            try (TwoInputOperator join = (TwoInputOperator) factory.create(
                    TestTasks.context(query, new QueryMetrics(), 0, 1, 7), applyingTo(result, seed))) {
                for (int batch = 0; batch < batches; batch++) {
                    int input = random.nextInt(2);
                    List<Row> rows = new ArrayList<>();
                    List<RowKind> kinds = new ArrayList<>();
                    int size = 1 + random.nextInt(12);
                    for (int i = 0; i < size; i++) {
                        List<Row> side = kept.get(input);
                        if (!side.isEmpty() && random.nextInt(10) < retract) {
                            rows.add(side.remove(random.nextInt(side.size())));
                            kinds.add(random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE);
                        } else {
                            Row row = new Row(random.nextInt(6) == 0 ? null : (long) random.nextInt(8),
                                    String.valueOf((char) ('a' + random.nextInt(3))));
                            side.add(row);
                            rows.add(row);
                            kinds.add(random.nextBoolean() ? RowKind.INSERT : RowKind.UPDATE_AFTER);
                        }
                    }
                    send(join, input, rows, kinds, query);
                }
                join.finish();
            }
            query.close();
        }
        Map<String, Integer> expected = new HashMap<>();
        expected(kind, kept.get(0), kept.get(1)).forEach(row -> expected.merge(row, 1, Integer::sum));
        assertEquals(expected, result, kind + " join, seed " + seed);
    }

    /** The join of the final inputs, by definition. */
    private static List<String> expected(JoinKind kind, List<Row> left, List<Row> right) {
        List<String> rows = new ArrayList<>();
        for (Row l : left) {
            int matches = 0;
            for (Row r : right) {
                if (l.k() != null && Objects.equals(l.k(), r.k())) {
                    matches++;
                    if (!kind.leftOnly()) {
                        rows.add(l.text() + "|" + r.text());
                    }
                }
            }
            if ((kind == JoinKind.SEMI && matches > 0) || (kind == JoinKind.ANTI && matches == 0)) {
                rows.add(l.text());
            }
            if (matches == 0 && kind.keepsUnmatched(0)) {
                rows.add(l.text() + "|NULL|NULL");
            }
        }
        if (kind.keepsUnmatched(1)) {
            for (Row r : right) {
                if (left.stream().noneMatch(l -> r.k() != null && Objects.equals(l.k(), r.k()))) {
                    rows.add("NULL|NULL|" + r.text());
                }
            }
        }
        return rows;
    }

    /** An output that applies the changelog to {@code result}, failing on a retraction of a row it does not hold. */
    private static Output applyingTo(Map<String, Integer> result, long seed) {
        return new Output() {
            @Override
            public void emit(VectorSchemaRoot batch) {
                for (int row = 0; row < batch.getRowCount(); row++) {
                    String values = Rows.row(batch, row);
                    String text = values.substring(0, values.lastIndexOf('|'));
                    if (RowKinds.at(batch, row).adds()) {
                        result.merge(text, 1, Integer::sum);
                    } else {
                        assertTrue(result.containsKey(text), "seed " + seed + ": retracts a row it never emitted: " + text);
                        result.computeIfPresent(text, (key, count) -> count == 1 ? null : count - 1);
                    }
                }
            }

            @Override
            public void emitWatermark(long watermark) {
            }

            @Override
            public void finish() {
            }
        };
    }

    private static void send(Operator join, int input, List<Row> rows, List<RowKind> kinds, BufferAllocator allocator) {
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(RowKinds.withRowKind(SIDE), allocator)) {
            for (int row = 0; row < rows.size(); row++) {
                VectorValues.set(batch.getVector(0), row, rows.get(row).k());
                VectorValues.set(batch.getVector(1), row, rows.get(row).v());
                RowKinds.set(RowKinds.of(batch), row, kinds.get(row));
            }
            batch.setRowCount(rows.size());
            ((TwoInputOperator) join).process(input, batch);
        }
    }
}
