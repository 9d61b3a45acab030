package io.sluice.runtime.state;

import io.sluice.runtime.aggregate.GroupAggregateOperatorFactory;
import io.sluice.runtime.aggregate.RetractingCountSumKernel;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.changelog.normalize.ChangelogNormalizeOperatorFactory;
import io.sluice.runtime.join.JoinKind;
import io.sluice.runtime.join.JoinOperatorFactory;
import io.sluice.runtime.join.WindowJoinOperatorFactory;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.rank.RankFunction;
import io.sluice.runtime.rank.RankOperatorFactory;
import io.sluice.runtime.sort.SortField;
import io.sluice.runtime.testing.OperatorScript;
import io.sluice.runtime.testing.RestoreAtEveryCut;
import io.sluice.runtime.vector.ColumnTypes;
import io.sluice.runtime.window.CountSumKernel;
import io.sluice.runtime.window.GroupOutput;
import io.sluice.runtime.window.WindowAggregateOperatorFactory;
import io.sluice.runtime.window.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stateful operator fed random scripts (from a seed: keys and values drawn from a few, so
 * that they collide and tie; retractions of rows that came; late rows; watermarks and clock moves
 * between batches), snapshotted at every cut and restored, emits what it emits uninterrupted.
 * The hand-worked tests of each operator check what it emits; these look for state a snapshot
 * forgets in cases no one wrote down.
 */
class RandomScriptsRestoreTest {
    private static final int STEPS = 24;
    private static final Schema KV = new Schema(List.of(
            Field.nullable("k", ColumnTypes.BIGINT), Field.nullable("v", ColumnTypes.BIGINT)));
    private static final Schema CHANGES = RowKinds.withRowKind(KV);
    private static final Schema TIMED = new Schema(List.of(Field.nullable("ts", ColumnTypes.TIMESTAMP),
            Field.nullable("k", ColumnTypes.VARCHAR), Field.nullable("v", ColumnTypes.BIGINT)));
    private static final Schema ENDED = new Schema(List.of(Field.nullable("end", ColumnTypes.TIMESTAMP),
            Field.nullable("k", ColumnTypes.BIGINT), Field.nullable("v", ColumnTypes.BIGINT)));

    static Stream<Long> seeds() {
        return IntStream.range(0, 8).mapToObj(i -> 1_000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void groupAggregation(long seed) {
        Schema out = RowKinds.withRowKind(new Schema(List.of(KV.getFields().get(0),
                Field.notNullable("count", ColumnTypes.BIGINT), Field.nullable("sum", ColumnTypes.BIGINT))));
        check(new GroupAggregateOperatorFactory(new int[] {0}, RetractingCountSumKernel.class, List.of(), true, CHANGES,
                out, new StateTtl(5_000), false, true), changelog(new Random(seed), false));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void fullJoin(long seed) {
        Schema out = RowKinds.withRowKind(new Schema(List.of(Field.nullable("lk", ColumnTypes.BIGINT),
                Field.nullable("lv", ColumnTypes.BIGINT), Field.nullable("rk", ColumnTypes.BIGINT),
                Field.nullable("rv", ColumnTypes.BIGINT))));
        check(new JoinOperatorFactory(JoinKind.FULL, KV, KV, new int[] {0}, new int[] {0}, true, true, null, true, out,
                new StateTtl(5_000)), changelog(new Random(seed), true));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void semiJoin(long seed) {
        check(new JoinOperatorFactory(JoinKind.SEMI, KV, KV, new int[] {0}, new int[] {0}, true, true, null, true,
                CHANGES, StateTtl.NEVER), changelog(new Random(seed), true));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void topThreeByRank(long seed) {
        Schema out = RowKinds.withRowKind(new Schema(List.of(KV.getFields().get(0), KV.getFields().get(1),
                Field.notNullable("rank", ColumnTypes.BIGINT))));
        check(new RankOperatorFactory(KV, true, new int[] {0}, List.of(new SortField(1, false, false)), false,
                RankFunction.RANK, 2, 3, true, out, StateTtl.NEVER), changelog(new Random(seed), false));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void changelogNormalisation(long seed) {
        check(new ChangelogNormalizeOperatorFactory(new int[] {0}, CHANGES, new StateTtl(5_000)),
                changelog(new Random(seed), false));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void hopWindows(long seed) {
        check(window(WindowSpec.hop(2_000, 6_000, 0)), timed(new Random(seed)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void cumulateWindows(long seed) {
        check(window(WindowSpec.cumulate(2_000, 6_000, 0)), timed(new Random(seed)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sessionWindows(long seed) {
        check(window(WindowSpec.session(1_500)), timed(new Random(seed)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void leftWindowJoin(long seed) {
        Schema out = new Schema(List.of(Field.nullable("le", ColumnTypes.TIMESTAMP),
                Field.nullable("lk", ColumnTypes.BIGINT), Field.nullable("lv", ColumnTypes.BIGINT),
                Field.nullable("re", ColumnTypes.TIMESTAMP), Field.nullable("rk", ColumnTypes.BIGINT),
                Field.nullable("rv", ColumnTypes.BIGINT)));
        check(new WindowJoinOperatorFactory(JoinKind.LEFT, ENDED, ENDED, new int[] {1}, new int[] {1}, 0, 0, out),
                windowed(new Random(seed)));
    }

    private static void check(OperatorFactory factory, OperatorScript script) {
        RestoreAtEveryCut.check(factory, script);
    }

    private static WindowAggregateOperatorFactory window(WindowSpec spec) {
        Schema out = new Schema(List.of(Field.nullable("start", ColumnTypes.TIMESTAMP),
                Field.nullable("end", ColumnTypes.TIMESTAMP), TIMED.getFields().get(1),
                Field.notNullable("count", ColumnTypes.BIGINT), Field.notNullable("sum", ColumnTypes.BIGINT)));
        return new WindowAggregateOperatorFactory(spec, 0, new int[] {1},
                List.of(GroupOutput.window(GroupOutput.Kind.WINDOW_START),
                        GroupOutput.window(GroupOutput.Kind.WINDOW_END), GroupOutput.key(0)),
                CountSumKernel.class, List.of(), TIMED, out);
    }

    /**
     * Batches of changes of {@code (k, v)} rows, of one input or of both: inserts of new rows and
     * takings back ({@code -D}, or {@code -U} then {@code +U}) of rows that came; clock moves.
     */
    private static OperatorScript changelog(Random random, boolean twoInputs) {
        OperatorScript script = new OperatorScript();
        List<List<Object[]>> kept = List.of(new ArrayList<>(), new ArrayList<>());
        for (int step = 0; step < STEPS; step++) {
            if (random.nextInt(6) == 0) {
                script.advance(random.nextInt(3_000));
                continue;
            }
            int input = twoInputs ? random.nextInt(2) : 0;
            List<Object[]> live = kept.get(input);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                if (!live.isEmpty() && random.nextInt(3) == 0) {
                    Object[] old = live.remove(random.nextInt(live.size()));
                    boolean update = random.nextBoolean();
                    rows.add(new Object[] {old[0], old[1], update ? "-U" : "-D"});
                    if (update) {
                        Object[] updated = {old[0], value(random)};
                        live.add(updated);
                        rows.add(new Object[] {updated[0], updated[1], "+U"});
                    }
                } else {
                    Object[] row = {(long) random.nextInt(4), value(random)};
                    live.add(row);
                    rows.add(new Object[] {row[0], row[1], "+I"});
                }
            }
            script.batch(input, CHANGES, rows.toArray(Object[][]::new));
        }
        return script;
    }

    private static Long value(Random random) {
        return random.nextInt(8) == 0 ? null : (long) random.nextInt(6);
    }

    /** Batches of {@code (ts, k, v)} rows around a rising watermark, some of them late. */
    private static OperatorScript timed(Random random) {
        OperatorScript script = new OperatorScript();
        long watermark = 0;
        for (int step = 0; step < STEPS; step++) {
            if (random.nextInt(4) == 0) {
                watermark += random.nextInt(2_500);
                script.watermark(watermark);
                continue;
            }
            Object[][] rows = new Object[1 + random.nextInt(4)][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new Object[] {watermark - 2_000 + random.nextInt(5_000), "k" + random.nextInt(3),
                        (long) random.nextInt(10)};
            }
            script.batch(TIMED, rows);
        }
        return script.endOfTime();
    }

    /** Batches of {@code (window_end, k, v)} rows of either input, windows of 1 s, some late. */
    private static OperatorScript windowed(Random random) {
        OperatorScript script = new OperatorScript();
        long watermark = 0;
        for (int step = 0; step < STEPS; step++) {
            if (random.nextInt(4) == 0) {
                watermark += random.nextInt(1_500);
                script.watermark(watermark);
                continue;
            }
            Object[][] rows = new Object[1 + random.nextInt(4)][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new Object[] {(watermark / 1_000 + random.nextInt(3)) * 1_000, (long) random.nextInt(3),
                        (long) random.nextInt(10)};
            }
            script.batch(random.nextInt(2), ENDED, rows);
        }
        return script.endOfTime();
    }
}
