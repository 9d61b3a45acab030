package io.sluice.engine.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.EngineLimits;
import io.sluice.engine.Session;
import io.sluice.engine.result.ResultCursor;
import io.sluice.engine.values.ValuesSource;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statements and settings past the engine's limits fail with SQLState 54000 and a short message
 * naming the limit, never with a stack overflow or an internal error; statements within them run.
 */
class StatementLimitsTest {
    private Engine engine;
    private Session session;

    @BeforeEach
    void setUp() {
        engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(1)
                .withLimits(EngineLimits.defaults().withMaxParallelism(8).withMaxStatementLength(100_000)));
        session = engine.newSession();
        session.execute("CREATE STREAM t (ts TIMESTAMP(3), v INT, WATERMARK FOR ts AS ts) WITH ('connector' = 'values')");
        ValuesSource source = (ValuesSource) ((CatalogTable) engine.catalog().get("t")).source();
        for (int v = 0; v < 10; v++) {
            source.addRow("2026-01-01 00:00:01.000|" + v * 300);
        }
    }

    @AfterEach
    void tearDown() {
        session.close();
        engine.close();
    }

    @Test
    void parallelismIsBoundedByTheEngine() throws InterruptedException {
        SluiceException e = assertThrows(SluiceException.class, () -> session.execute("SET 'parallelism' = '100000'"));
        assertLimit(e, "line 1, column 1: 'parallelism' may be at most 8 (the engine's maximum parallelism), not 100000");
        session.execute("SET 'parallelism' = '8'");
        assertEquals(List.of("10"), rows("SELECT COUNT(*) FROM t"));
    }

    @Test
    void batchSizeIsBounded() {
        SluiceException e = assertThrows(SluiceException.class, () -> session.execute("SET 'batch.size' = '2000000000'"));
        assertLimit(e, "line 1, column 1: 'batch.size' may be at most 1048576 rows, not 2000000000");
    }

    @Test
    void aStatementOverTheLengthLimitIsRefusedBeforeParsing() {
        String sql = "SELECT v FROM t WHERE v = '" + "x".repeat(100_000) + "'";
        SluiceException e = assertThrows(SluiceException.class, () -> session.execute(sql));
        assertLimit(e, "line 1, column 1: the statement is 100028 characters long, over the engine's limit of 100000");
    }

    @Test
    void deepParenthesesAreParsedOrRefused() throws InterruptedException {
        assertEquals(List.of("1"), rows("SELECT " + "(".repeat(1000) + "1" + ")".repeat(1000) + " FROM t WHERE v = 0"));
        SluiceException e = assertThrows(SluiceException.class,
                () -> session.execute("SELECT " + "(".repeat(40_000) + "1" + ")".repeat(40_000) + " FROM t"));
        assertLimit(e, "line 1, column 1: the statement nests too deeply to be planned; split it into smaller ones");
    }

    @Test
    void aLongChainOfOrsRunsOrIsRefused() throws InterruptedException {
        // v = 0, 1, ..., 599 holds for the rows 0 and 300 of the ten rows 0, 300, ..., 2700
        assertEquals(List.of("0", "300"), rows(orChain(600)));
        String tooDeep = orChain(2000);
        SluiceException e = assertThrows(SluiceException.class, () -> session.execute(tooDeep));
        assertEquals("54000", e.sqlState(), e.getMessage());
        assertTrue(e.getMessage().contains("the statement nests more than 1000 levels deep"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    private static String orChain(int terms) {
        StringBuilder sql = new StringBuilder("SELECT v FROM t WHERE v = 0");
        for (int i = 1; i < terms; i++) {
            sql.append(" OR v = ").append(i);
        }
        return sql.toString();
    }

    private List<String> rows(String sql) throws InterruptedException {
        List<String> rows = new ArrayList<>();
        try (ResultCursor cursor = session.execute(sql).cursor()) {
            for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
                rows.add(String.valueOf(row[0]));
            }
        }
        return rows;
    }

    private static void assertLimit(SluiceException e, String message) {
        assertEquals("54000", e.sqlState(), e.getMessage());
        assertEquals(message, e.getMessage());
        assertNull(e.getCause());
    }
}
