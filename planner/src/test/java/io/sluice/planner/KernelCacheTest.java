package io.sluice.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.Clock;
import io.sluice.runtime.codegen.KernelCompiler;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generated kernels are compiled once per source: running a query again, or a query that
 * differs only in a constant held by reference (decimals, strings, LIKE patterns), reuses the
 * compiled class, while the constants still reach the kernel that uses them.
 */
class KernelCacheTest {
    private final KernelCompiler compiler = new KernelCompiler(getClass().getClassLoader());
    private final SqlEnvironment environment = TestCatalog.environment(compiler);

    @Test
    void theSameQueryTwiceCompilesOnce() throws Exception {
        String sql = "SELECT id, qty * 2 FROM orders WHERE qty > 1";
        assertEquals(List.of("1|4", "3|20"), run(sql));
        assertEquals(List.of("1|4", "3|20"), run(sql));
        assertEquals(1, compiler.compilations());
        assertEquals(1, compiler.cacheHits());
    }

    @Test
    void queriesThatDifferInADecimalConstantShareAClass() throws Exception {
        assertEquals(List.of("1", "3"), run("SELECT id FROM orders WHERE amount > 5.00"));
        assertEquals(List.of("3"), run("SELECT id FROM orders WHERE amount > 50.00"));
        assertEquals(1, compiler.compilations());
        assertEquals(1, compiler.cacheHits());
    }

    @Test
    void queriesThatDifferInAStringConstantShareAClass() throws Exception {
        assertEquals(List.of("1|ann!", "3|ann!"), run("SELECT id, customer || '!' FROM orders WHERE customer = 'ann'"));
        assertEquals(List.of("2|bob?"), run("SELECT id, customer || '?' FROM orders WHERE customer = 'bob'"));
        assertEquals(List.of("2"), run("SELECT id FROM orders WHERE customer LIKE 'b%'"));
        assertEquals(List.of("1", "3"), run("SELECT id FROM orders WHERE customer LIKE '_nn'"));
        assertEquals(2, compiler.compilations());
        assertEquals(2, compiler.cacheHits());
    }

    @Test
    void integerConstantsAreWrittenIntoTheSource() throws Exception {
        assertEquals(List.of("1", "3"), run("SELECT id FROM orders WHERE qty > 1"));
        assertEquals(List.of("3"), run("SELECT id FROM orders WHERE qty > 2"));
        assertEquals(2, compiler.compilations());
        assertEquals(0, compiler.cacheHits());
    }

    private List<String> run(String sql) throws Exception {
        return QueryRunner.run(TestCatalog.plan(environment, sql), 1, Clock.SYSTEM);
    }
}
