package io.sluice.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.Clock;
import io.sluice.runtime.codegen.KernelCompiler;
import io.sluice.runtime.job.JobSpec;
import io.sluice.runtime.job.PipelineOutput;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.calc.CalcOperatorFactory;
import io.sluice.runtime.operator.calc.ColumnSelectOperatorFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * A projection that only picks columns runs without a generated kernel, passing the input's
 * vectors on; anything more (an expression, a filter) still has its kernel, which passes on the
 * input's vectors of the columns it does not change when every row of a batch passes.
 */
class ColumnSelectionTest {
    private final KernelCompiler compiler = new KernelCompiler(getClass().getClassLoader());
    private final SqlEnvironment environment = TestCatalog.environment(compiler);

    @Test
    void pickingColumnsCompilesNothing() throws Exception {
        PlannedQuery query = TestCatalog.plan(environment, "SELECT qty AS n, customer, id, customer FROM orders");
        List<OperatorFactory> operators = operators(query);
        assertEquals(1, operators.size());
        ColumnSelectOperatorFactory select = (ColumnSelectOperatorFactory) operators.get(0);
        assertEquals(List.of(3, 1, 0, 1), java.util.Arrays.stream(select.columns()).boxed().toList());
        assertTrue(query.kernelSources().isEmpty());
        assertEquals(0, compiler.compilations());
        assertEquals(List.of("2|ann|1|ann", "1|bob|2|bob", "10|ann|3|ann", "NULL|NULL|4|NULL"),
                QueryRunner.run(query, 1, Clock.SYSTEM));
    }

    @Test
    void anExpressionOrAFilterStillHasItsKernel() {
        for (String sql : List.of("SELECT id, qty + 1 FROM orders", "SELECT id, customer FROM orders WHERE qty > 1")) {
            List<OperatorFactory> operators = operators(TestCatalog.plan(environment, sql));
            assertEquals(1, operators.size(), sql);
            assertTrue(operators.get(0) instanceof CalcOperatorFactory, sql);
        }
    }

    @Test
    void aKernelPassesUnchangedColumnsOnWhenEveryRowPasses() throws Exception {
        PlannedQuery query = TestCatalog.plan(environment, "SELECT customer AS who, qty * 2 AS twice, id FROM orders");
        int[] passedOn = ((CalcOperatorFactory) operators(query).get(0)).passedOn();
        assertTrue(passedOn[0] >= 0 && passedOn[1] == -1 && passedOn[2] >= 0, Arrays.toString(passedOn));
        // a vector passed on keeps its input name; the computed one is named as the output
        List<List<String>> names = new ArrayList<>();
        List<String> rows = QueryRunner.run(query, 1, Clock.SYSTEM, batch -> names.add(
                batch.getFieldVectors().stream().map(FieldVector::getName).toList()));
        assertEquals(List.of("ann|4|1", "bob|2|2", "ann|20|3", "NULL|NULL|4"), rows);
        assertEquals(List.of(List.of("customer", "twice", "id")), names);
    }

    @Test
    void aKernelThatPassesNothingOnHasOneProjectionLoop() throws Exception {
        PlannedQuery query = TestCatalog.plan(environment, "SELECT qty * 2 AS twice, id + 1 AS later FROM orders");
        String source = String.join("\n", query.kernelSources());
        assertEquals(1, source.split("for \\(int j = 0; j < count; j\\+\\+\\)", -1).length - 1, source);
        assertEquals(List.of("4|2", "2|3", "20|4", "NULL|5"), QueryRunner.run(query, 1, Clock.SYSTEM));
    }

    @Test
    void aKernelCopiesTheRowsThatPassWhenSomeDoNot() throws Exception {
        PlannedQuery query = TestCatalog.plan(environment,
                "SELECT customer AS who, qty * 2 AS twice, id FROM orders WHERE qty <> 2");
        List<List<String>> names = new ArrayList<>();
        List<String> rows = QueryRunner.run(query, 1, Clock.SYSTEM, batch -> names.add(
                batch.getFieldVectors().stream().map(FieldVector::getName).toList()));
        assertEquals(List.of("bob|2|2", "ann|20|3"), rows);
        assertEquals(List.of(List.of("who", "twice", "id")), names);
    }

    private static List<OperatorFactory> operators(PlannedQuery query) {
        JobSpec job = query.jobSpec("test", io.sluice.planner.physical.JobOptions.of(1), new PipelineOutput.ToSink("test", context -> {
            throw new IllegalStateException("not run");
        }), false);
        return job.pipelines().get(0).operators();
    }
}
