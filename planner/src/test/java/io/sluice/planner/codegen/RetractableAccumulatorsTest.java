package io.sluice.planner.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.planner.calcite.FirstLastValueFunction;
import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.planner.type.SluiceTypeSystem;
import io.sluice.runtime.Clock;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.codegen.AccumulatorState;
import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.codegen.KernelCompiler;
import io.sluice.runtime.codegen.KernelContext;
import io.sluice.runtime.task.JobControl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * The retract path of every kind of generated accumulator, run over a changelog of
 * {@code (k VARCHAR, v INT)} rows into one group down to empty; and the append-only kernel of a
 * window keeping its plain code.
 */
class RetractableAccumulatorsTest {
    private static final JobControl RUNNING = new JobControl() {
        @Override
        public boolean isStopping() {
            return false;
        }

        @Override
        public void finishEarly() {
        }
    };

    private final RelDataTypeFactory types = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
    private final RelDataType input = types.builder()
            .add("k", types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR), true))
            .add("v", types.createTypeWithNullability(types.createSqlType(SqlTypeName.INTEGER), true))
            .build();
    private final List<AggregateCall> calls = new ArrayList<>();
    private final List<RelDataType> resultTypes = new ArrayList<>();
    private final RelDataTypeFactory.Builder output = types.builder();

    private void call(String name, SqlAggFunction function, boolean distinct, int arg, SqlTypeName resultType) {
        call(name, function, distinct, arg < 0 ? List.of() : List.of(arg), resultType);
    }

    private void call(String name, SqlAggFunction function, boolean distinct, List<Integer> args,
                      SqlTypeName resultType) {
        RelDataType type = types.createTypeWithNullability(types.createSqlType(resultType), true);
        calls.add(AggregateCall.create(function, distinct, false, false, List.of(), args, -1, null, RelCollations.EMPTY,
                type, name));
        resultTypes.add(type);
        output.add(name, type);
    }

    @Test
    void everyAccumulatorTakesRowsOutDownToAnEmptyGroup() throws Exception {
        call("count", SqlStdOperatorTable.COUNT, false, -1, SqlTypeName.BIGINT);
        call("sum", SqlStdOperatorTable.SUM, false, 1, SqlTypeName.INTEGER);
        call("min", SqlStdOperatorTable.MIN, false, 1, SqlTypeName.INTEGER);
        call("max", SqlStdOperatorTable.MAX, false, 1, SqlTypeName.INTEGER);
        call("first", FirstLastValueFunction.FIRST_VALUE, false, 0, SqlTypeName.VARCHAR);
        call("last", FirstLastValueFunction.LAST_VALUE, false, 0, SqlTypeName.VARCHAR);
        call("list", SqlStdOperatorTable.LISTAGG, false, 0, SqlTypeName.VARCHAR);
        call("distinct_count", SqlStdOperatorTable.COUNT, true, 1, SqlTypeName.BIGINT);
        call("distinct_sum", SqlStdOperatorTable.SUM, true, 1, SqlTypeName.INTEGER);
        call("variance", SqlStdOperatorTable.VAR_POP, false, 1, SqlTypeName.DOUBLE);
        call("average", SqlStdOperatorTable.AVG, false, 1, SqlTypeName.INTEGER);
        // the covariance of v with itself is its variance
        call("covariance", SqlStdOperatorTable.COVAR_POP, false, List.of(1, 1), SqlTypeName.DOUBLE);
        call("stddev", SqlStdOperatorTable.STDDEV_SAMP, false, 1, SqlTypeName.DOUBLE);
        GeneratedKernel generated = new AggregateKernelGenerator().generate(calls, resultTypes, input, 0, c -> null, true, true);
        assertTrue(generated.source().contains("RowKind.retracts("), generated.source());
        AggregateKernel kernel = KernelCompiler.instantiate(new KernelCompiler(getClass().getClassLoader())
                .compile(generated.className(), generated.source(), AggregateKernel.class),
                new KernelContext(generated.references().toArray(), Clock.SYSTEM, RUNNING));
        AccumulatorState state = kernel.newState();
        state.ensureCapacity(1);
        try (RootAllocator allocator = new RootAllocator();
             VectorSchemaRoot rows = VectorSchemaRoot.create(RowKinds.withRowKind(ArrowTypeMapping.toSchema(input)),
                     allocator);
             VectorSchemaRoot results = VectorSchemaRoot.create(ArrowTypeMapping.toSchema(output.build()), allocator)) {
            // 5, 3, 9, 3: mean 5, squared deviations 0 + 4 + 16 + 4 = 24; 24 / 4 = 6, sqrt(24 / 3) = sqrt(8).
            accumulate(kernel, state, rows, "+I a 5", "+I b 3", "+I c 9", "+I d 3");
            String full = result(kernel, state, results);
            assertTrue(full.startsWith("4|20|3|9|a|d|a,b,c,d|3|17|6.0|5|"), full);
            assertEquals(6.0, Double.parseDouble(full.split("\\|")[11]), 1e-9);
            assertEquals(Math.sqrt(8), Double.parseDouble(full.split("\\|")[12]), 1e-9);
            // c and a go: b 3 and d 3 remain.
            accumulate(kernel, state, rows, "-D c 9", "-U a 5");
            String remaining = result(kernel, state, results);
            assertTrue(remaining.startsWith("2|6|3|3|b|d|b,d|1|3|"), remaining);
            String[] values = remaining.split("\\|");
            assertEquals(0.0, Double.parseDouble(values[9]), 1e-9);
            assertEquals("3", values[10]);
            assertEquals(0.0, Double.parseDouble(values[11]), 1e-9);
            assertEquals(0.0, Double.parseDouble(values[12]), 1e-6);
            // The last rows go: the group is empty, its count 0 and every other result NULL.
            accumulate(kernel, state, rows, "-D b 3", "-D d 3");
            assertEquals("0|NULL|NULL|NULL|NULL|NULL|NULL|0|NULL|NULL|NULL|NULL|NULL", result(kernel, state, results));
            assertEquals(0, state.heldBytes(0), "what the group's kept values were charged is given back");
        }
    }

    @Test
    void aWindowKeepsItsAppendOnlyAccumulators() {
        call("min", SqlStdOperatorTable.MIN, false, 1, SqlTypeName.INTEGER);
        call("list", SqlStdOperatorTable.LISTAGG, false, 0, SqlTypeName.VARCHAR);
        String source = new AggregateKernelGenerator().generate(calls, resultTypes, input, 0, c -> null, false, false).source();
        assertFalse(source.contains("RowKind"), source);
        assertFalse(source.contains("ValueCounts"), source);
        assertFalse(source.contains("ArrivalList"), source);
    }

    /** Runs one batch of rows written {@code "+I k v"} into group 0. */
    private static void accumulate(AggregateKernel kernel, AccumulatorState state, VectorSchemaRoot rows,
                                   String... changes) {
        rows.allocateNew();
        VarCharVector keys = (VarCharVector) rows.getVector(0);
        IntVector values = (IntVector) rows.getVector(1);
        for (int row = 0; row < changes.length; row++) {
            String[] parts = changes[row].split(" ");
            keys.setSafe(row, parts[1].getBytes(StandardCharsets.UTF_8));
            values.setSafe(row, Integer.parseInt(parts[2]));
            RowKinds.set(RowKinds.of(rows), row, RowKind.ofShortString(parts[0]));
        }
        rows.setRowCount(changes.length);
        int[] selection = new int[changes.length];
        for (int row = 0; row < selection.length; row++) {
            selection[row] = row;
        }
        kernel.accumulate(state, new int[changes.length], rows, selection, changes.length);
    }

    private static String result(AggregateKernel kernel, AccumulatorState state, VectorSchemaRoot results) {
        results.allocateNew();
        kernel.emit(state, 0, results, 0);
        results.setRowCount(1);
        List<String> values = new ArrayList<>();
        results.getFieldVectors().forEach(vector -> values.add(vector.isNull(0) ? "NULL" : String.valueOf(vector.getObject(0))));
        return String.join("|", values);
    }
}
