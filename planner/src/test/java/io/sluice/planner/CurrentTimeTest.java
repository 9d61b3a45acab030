package io.sluice.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.Clock;
import io.sluice.runtime.codegen.KernelCompiler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CURRENT_TIMESTAMP and CURRENT_DATE come from the clock the query runs with. */
class CurrentTimeTest {
    /** 2024-03-10 12:34:56.789. */
    private static final long NOW = 1_710_074_096_789L;

    @Test
    void currentTimeIsTheJobsClock() throws Exception {
        SqlEnvironment environment = TestCatalog.environment(new KernelCompiler(getClass().getClassLoader()));
        PlannedQuery query = TestCatalog.plan(environment,
                "SELECT id, CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_TIMESTAMP > placed FROM orders WHERE id < 3");
        // CURRENT_TIMESTAMP is a TIMESTAMP(0): the milliseconds are dropped. Day 19792 is 2024-03-10.
        assertEquals(List.of("1|1710074096000|19792|true", "2|1710074096000|19792|true"),
                QueryRunner.run(query, 1, fixed(NOW)));
        // 2024-01-01 01:00, before the second order was placed.
        assertEquals(List.of("1|1704070800000|19723|true", "2|1704070800000|19723|false"),
                QueryRunner.run(query, 1, fixed(1_704_070_800_000L)));
    }

    private static Clock fixed(long millis) {
        return new Clock() {
            @Override
            public long millis() {
                return millis;
            }

            @Override
            public long nanos() {
                return millis * 1_000_000;
            }

            @Override
            public void sleepUntil(long deadlineMillis) {
            }
        };
    }
}
