package io.sluice.runtime.join;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.codegen.CalcKernel;
import io.sluice.runtime.codegen.KernelContext;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.TwoInputOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.testing.HandClock;
import io.sluice.runtime.testing.Rows;
import io.sluice.runtime.testing.TestTasks;
import io.sluice.runtime.vector.ColumnTypes;
import io.sluice.runtime.vector.VectorValues;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The regular join driven by hand, batch by batch, over changelog inputs: what each join kind
 * emits as rows come and go. Rows of both inputs are {@code (k BIGINT, v VARCHAR)}; output rows
 * are written {@code kind left right}, e.g. {@code +I 1|a|1|x}.
 */
class JoinOperatorTest {
    static final Schema SIDE = new Schema(List.of(
            Field.nullable("k", ColumnTypes.BIGINT), Field.nullable("v", ColumnTypes.VARCHAR)));
    static final Schema JOINED = new Schema(List.of(
            Field.nullable("l_k", ColumnTypes.BIGINT), Field.nullable("l_v", ColumnTypes.VARCHAR),
            Field.nullable("r_k", ColumnTypes.BIGINT), Field.nullable("r_v", ColumnTypes.VARCHAR)));

    private final List<String> output = new ArrayList<>();
    private final RootAllocator root = new RootAllocator();
    private final BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
    private final HandClock clock = new HandClock();

    @AfterEach
    void nothingLeaks() {
        query.close();
        root.close();
    }

    @Test
    void innerJoinOfAppendingInputsOnlyAppendsPairs() {
        JoinOperatorFactory factory = new JoinOperatorFactory(JoinKind.INNER, SIDE, SIDE, new int[] {0},
                new int[] {0}, false, false, null, false, JOINED, StateTtl.NEVER);
        try (TwoInputOperator join = create(factory)) {
            send(join, 0, false, "+I 1 a", "+I 2 b", "+I NULL n");
            send(join, 1, false, "+I 1 x", "+I 3 y", "+I NULL m");
            send(join, 0, false, "+I 1 c");
            // without the row-kind column every output row is an insert; a NULL key matches nothing
            assertEquals(List.of("1|a|1|x", "1|c|1|x"), output);
        }
    }

    @Test
    void leftJoinPadsARowUntilItsFirstMatchAndAgainAfterItsLast() {
        try (TwoInputOperator join = create(changelogJoin(JoinKind.LEFT, null))) {
            send(join, 0, true, "+I 1 a", "+I NULL n");
            assertOutput("+I 1|a|NULL|NULL", "+I NULL|n|NULL|NULL");
            send(join, 1, true, "+I 1 x");
            assertOutput("-D 1|a|NULL|NULL", "+I 1|a|1|x");
            send(join, 1, true, "+I 1 y", "+I 2 z");
            assertOutput("+I 1|a|1|y");
            send(join, 1, true, "-D 1 x");
            assertOutput("-D 1|a|1|x");
            send(join, 1, true, "-D 1 y");
            assertOutput("-D 1|a|1|y", "+I 1|a|NULL|NULL");
            send(join, 0, true, "-D 1 a", "-D NULL n");
            assertOutput("-D 1|a|NULL|NULL", "-D NULL|n|NULL|NULL");
        }
    }

    /** An update of a left row within one batch: the old row's pairs go, the right row is padded a moment, the new row's pairs come. */
    @Test
    void fullJoinFollowsUpdatesOfEitherInput() {
        try (TwoInputOperator join = create(changelogJoin(JoinKind.FULL, null))) {
            send(join, 1, true, "+I 2 z");
            assertOutput("+I NULL|NULL|2|z");
            send(join, 0, true, "+I 2 b");
            assertOutput("-D NULL|NULL|2|z", "+I 2|b|2|z");
            send(join, 0, true, "-U 2 b", "+U 2 c");
            assertOutput("-D 2|b|2|z", "+I NULL|NULL|2|z", "-D NULL|NULL|2|z", "+I 2|c|2|z");
            // a row added and taken back in one batch leaves nothing behind
            send(join, 1, true, "+I 2 w", "-D 2 w");
            assertOutput("+I 2|c|2|w", "-D 2|c|2|w");
            send(join, 0, true, "-D 2 c");
            assertOutput("-D 2|c|2|z", "+I NULL|NULL|2|z");
        }
    }

    @Test
    void rightJoinPadsTheRightInput() {
        try (TwoInputOperator join = create(changelogJoin(JoinKind.RIGHT, null))) {
            send(join, 0, true, "+I 1 a");
            assertOutput();
            send(join, 1, true, "+I 1 x", "+I 4 q");
            assertOutput("+I 1|a|1|x", "+I NULL|NULL|4|q");
        }
    }

    /** The condition decides matches, so a left row whose partners all fail it stays padded. */
    @Test
    void conditionIsPartOfMatching() {
        JoinCondition leftBeforeRight = new JoinCondition(LeftValueBeforeRight.class, List.of());
        try (TwoInputOperator join = create(changelogJoin(JoinKind.LEFT, leftBeforeRight))) {
            send(join, 0, true, "+I 1 b");
            send(join, 1, true, "+I 1 a");
            assertOutput("+I 1|b|NULL|NULL");
            send(join, 1, true, "+I 1 c");
            assertOutput("-D 1|b|NULL|NULL", "+I 1|b|1|c");
            send(join, 0, true, "+I 1 d");
            assertOutput("+I 1|d|NULL|NULL");
        }
    }

    @Test
    void semiJoinEmitsALeftRowWhileItHasPartners() {
        JoinOperatorFactory factory = new JoinOperatorFactory(JoinKind.SEMI, SIDE, SIDE, new int[] {0}, new int[] {0},
                true, true, null, true, RowKinds.withRowKind(SIDE), StateTtl.NEVER);
        try (TwoInputOperator join = create(factory)) {
            send(join, 0, true, "+I 1 a", "+I 1 a", "+I 2 b");
            assertOutput();
            send(join, 1, true, "+I 1 x", "+I 1 y");
            assertOutput("+I 1|a", "+I 1|a");
            send(join, 1, true, "-D 1 x");
            assertOutput();
            send(join, 0, true, "+I 1 c", "-D 2 b");
            assertOutput("+I 1|c");
            send(join, 1, true, "-D 1 y");
            // the left rows go in the order they came
            assertOutput("-D 1|a", "-D 1|a", "-D 1|c");
        }
    }

    @Test
    void antiJoinEmitsALeftRowWhileItHasNoPartner() {
        JoinOperatorFactory factory = new JoinOperatorFactory(JoinKind.ANTI, SIDE, SIDE, new int[] {0}, new int[] {0},
                true, true, null, true, RowKinds.withRowKind(SIDE), StateTtl.NEVER);
        try (TwoInputOperator join = create(factory)) {
            send(join, 0, true, "+I 1 a", "+I NULL n");
            assertOutput("+I 1|a", "+I NULL|n");
            send(join, 1, true, "+I 1 x", "+I 1 y");
            assertOutput("-D 1|a");
            send(join, 1, true, "-D 1 x", "-D 1 y");
            assertOutput("+I 1|a");
        }
    }

    /** A restored state behaves as the one snapshotted: same pairs, same counts of matches. */
    @Test
    void restoredStateJoinsAsTheOriginal() throws IOException {
        JoinOperatorFactory factory = changelogJoin(JoinKind.FULL, null);
        try (JoinOperator original = (JoinOperator) create(factory);
             JoinOperator restored = (JoinOperator) create(factory)) {
            send(original, 0, true, "+I 1 a", "+I 2 b", "+I 2 b", "+I 3 c");
            send(original, 1, true, "+I 2 x", "+I 4 y", "+I 1 z", "-D 1 z");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (StateWriter writer = new StateWriter(bytes)) {
                original.state().snapshot(writer);
            }
            restored.state().restore(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            output.clear();

            String[] more = {"-D 2 x", "+I 1 w", "-D 4 y", "+I 3 v"};
            send(original, 1, true, more);
            List<String> fromOriginal = List.copyOf(output);
            output.clear();
            send(restored, 1, true, more);
            assertEquals(fromOriginal, output);
            assertEquals(List.of("-D 2|b|2|x", "+I 2|b|NULL|NULL", "-D 2|b|2|x", "+I 2|b|NULL|NULL",
                    "-D 1|a|NULL|NULL", "+I 1|a|1|w", "-D NULL|NULL|4|y", "-D 3|c|NULL|NULL", "+I 3|c|3|v"), output);
        }
    }

    /** Keys idle for the TTL are dropped from both inputs: a row of such a key no longer finds its partners. */
    @Test
    void idleKeysExpire() {
        JoinOperatorFactory factory = new JoinOperatorFactory(JoinKind.INNER, SIDE, SIDE, new int[] {0},
                new int[] {0}, false, false, null, false, JOINED, new StateTtl(1_000));
        try (JoinOperator join = (JoinOperator) create(factory)) {
            send(join, 0, false, "+I 1 a", "+I 2 b");
            clock.advance(600);
            send(join, 1, false, "+I 2 x");
            clock.advance(600);
            // key 1 was last used 1.2 s ago, key 2 0.6 s ago
            join.processWatermark(0);
            assertEquals(1, join.state().side(0).liveRows());
            output.clear();
            send(join, 1, false, "+I 1 y", "+I 2 y");
            assertEquals(List.of("2|b|2|y"), output);
        }
    }

    private static JoinOperatorFactory changelogJoin(JoinKind kind, JoinCondition condition) {
        return new JoinOperatorFactory(kind, SIDE, SIDE, new int[] {0}, new int[] {0}, true, true, condition, true,
                RowKinds.withRowKind(JOINED), StateTtl.NEVER);
    }

    private void assertOutput(String... expected) {
        assertEquals(List.of(expected), output);
        output.clear();
    }

    private TwoInputOperator create(JoinOperatorFactory factory) {
        TaskContext context = TestTasks.context(query, new QueryMetrics(), clock, 0, 1, 1024);
        return (TwoInputOperator) factory.create(context, new Output() {
            @Override
            public void emit(VectorSchemaRoot batch) {
                boolean kinds = RowKinds.carried(batch);
                for (int row = 0; row < batch.getRowCount(); row++) {
                    String values = Rows.row(batch, row);
                    output.add(kinds ? RowKinds.at(batch, row).shortString() + " "
                            + values.substring(0, values.lastIndexOf('|')) : values);
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

    /** Sends rows written {@code kind k v} ({@code NULL} for a null key), with the row-kind column if {@code changelog}. */
    private void send(TwoInputOperator join, int input, boolean changelog, String... rows) {
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(changelog ? RowKinds.withRowKind(SIDE) : SIDE, query)) {
            for (int row = 0; row < rows.length; row++) {
                String[] parts = rows[row].split(" ");
                VectorValues.set(batch.getVector(0), row, parts[1].equals("NULL") ? null : Long.parseLong(parts[1]));
                VectorValues.set(batch.getVector(1), row, parts[2]);
                if (changelog) {
                    RowKinds.set(RowKinds.of(batch), row, RowKind.ofShortString(parts[0]));
                }
            }
            batch.setRowCount(rows.length);
            join.process(input, batch);
        }
    }

    /** The condition {@code l.v < r.v}, written as the planner's generator would make it. */
    public static final class LeftValueBeforeRight implements CalcKernel {
        @Override
        public void watermark(long watermark) {
        }

        public LeftValueBeforeRight(KernelContext context) {
        }

        @Override
        public int filter(VectorSchemaRoot input, int[] selection) {
            VarCharVector left = (VarCharVector) input.getVector(1);
            VarCharVector right = (VarCharVector) input.getVector(3);
            int passed = 0;
            for (int row = 0; row < input.getRowCount(); row++) {
                if (!left.isNull(row) && !right.isNull(row)
                        && left.getObject(row).toString().compareTo(right.getObject(row).toString()) < 0) {
                    selection[passed++] = row;
                }
            }
            return passed;
        }

        @Override
        public void project(VectorSchemaRoot input, int[] selection, int count, VectorSchemaRoot output) {
            throw new UnsupportedOperationException("a join condition only filters");
        }

        @Override
        public void projectComputed(VectorSchemaRoot input, int[] selection, int count, VectorSchemaRoot output) {
            throw new UnsupportedOperationException("a join condition only filters");
        }
    }
}
