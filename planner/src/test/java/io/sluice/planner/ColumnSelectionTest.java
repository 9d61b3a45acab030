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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A projection that only picks columns runs without a generated kernel, passing the input's
 * vectors on; anything more (an expression, a filter) still has its kernel.
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

    private static List<OperatorFactory> operators(PlannedQuery query) {
        JobSpec job = query.jobSpec("test", 1, new PipelineOutput.ToSink("test", context -> {
            throw new IllegalStateException("not run");
        }), false);
        return job.pipelines().get(0).operators();
    }
}
