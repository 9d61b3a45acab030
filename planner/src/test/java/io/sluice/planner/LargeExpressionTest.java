package io.sluice.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.runtime.Clock;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.codegen.KernelCompiler;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Expressions with many operands compile to flat code: long IN lists are looked up in an
 * array, and long OR chains and CASEs do not nest a block per operand (which the compiler
 * rejects as nested too deeply).
 */
class LargeExpressionTest {
    /*
     * Enough operands to nest too deeply if each opened a block, few enough for a 64 KB method
     * (an OR operand here takes more code than a CASE branch).
     */
    private static final int OR_OPERANDS = 700;
    private static final int CASE_BRANCHES = 1500;

    private final SqlEnvironment environment =
            TestCatalog.environment(new KernelCompiler(getClass().getClassLoader()));

    @Test
    void longInLists() throws Exception {
        String numbers = IntStream.rangeClosed(3, 3000).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        assertEquals(List.of("3|false", "4|false"),
                run("SELECT id, id NOT IN (" + numbers + ") FROM orders WHERE id IN (" + numbers + ")"));
        String names = IntStream.rangeClosed(1, 2000).mapToObj(i -> "'n" + i + "'").collect(Collectors.joining(", "));
        assertEquals(List.of("1|false", "2|true", "3|false", "4|NULL"),
                run("SELECT id, customer IN ('bob', " + names + ") FROM orders"));
    }

    @Test
    void longOrChains() throws Exception {
        // id * k = 2 * k holds for id = 2 only; each operand is its own expression, so Calcite
        // cannot fold them into one IN list. Written as a balanced tree, which Calcite flattens
        // into one OR of all the operands.
        List<String> operands = IntStream.rangeClosed(1, OR_OPERANDS).mapToObj(k -> "id * " + k + " = " + (2 * k)).toList();
        assertEquals(List.of("2"), run("SELECT id FROM orders WHERE " + balanced(operands, " OR ")));
    }

    @Test
    void longCases() throws Exception {
        String branches = IntStream.rangeClosed(1, CASE_BRANCHES).mapToObj(k -> "WHEN id = " + (k + 1) + " THEN " + k)
                .collect(Collectors.joining(" "));
        assertEquals(List.of("1|0", "2|1", "3|2", "4|3"), run("SELECT id, CASE " + branches + " ELSE 0 END FROM orders"));
    }

    @Test
    void tooLargeForOneMethodIsAClearError() {
        String branches = IntStream.rangeClosed(1, 4 * CASE_BRANCHES).mapToObj(k -> "WHEN id = " + k + " THEN " + k)
                .collect(Collectors.joining(" "));
        SluiceException e = assertThrows(SluiceException.class,
                () -> run("SELECT CASE " + branches + " ELSE 0 END FROM orders"));
        assertEquals(ErrorCode.UNSUPPORTED, e.code());
        assertEquals("the expression is too large to compile into one method; split the query into smaller expressions",
                e.getMessage());
    }

    /** The operands joined by the operator, parenthesized as a balanced tree. */
    private static String balanced(List<String> operands, String operator) {
        if (operands.size() == 1) {
            return operands.get(0);
        }
        int half = operands.size() / 2;
        return "(" + balanced(operands.subList(0, half), operator) + operator
                + balanced(operands.subList(half, operands.size()), operator) + ")";
    }

    private List<String> run(String sql) throws Exception {
        return QueryRunner.run(TestCatalog.plan(environment, sql), 1, Clock.SYSTEM);
    }
}
