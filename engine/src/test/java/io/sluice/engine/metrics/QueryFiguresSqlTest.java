package io.sluice.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.SessionUser;
import io.sluice.engine.jdbc.JdbcTarget;
import io.sluice.engine.result.ResultColumn;
import io.sluice.engine.result.ResultCursor;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHOW QUERIES and EXPLAIN ANALYZE: a query's figures from SQL. */
class QueryFiguresSqlTest {
    @TempDir
    Path dir;

    @Test
    void explainAnalyzeRunsABoundedQueryAndShowsEachNode() throws IOException, InterruptedException {
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(1));
             Session session = engine.newSession()) {
            session.execute(OrdersFile.create(dir));
            session.execute("SET 'table.optimizer.agg-phase-strategy' = 'ONE_PHASE'");
            List<Map<String, Object>> nodes = rows(session.execute(
                    "EXPLAIN ANALYZE SELECT STREAM item, COUNT(*) AS n FROM orders WHERE id > 1 GROUP BY item").cursor());

            Map<String, Object> aggregate = node(nodes, "GroupAggregate");
            // ids 2 and 4 pass the filter (3 is malformed): pear and apple, one group each
            assertEquals(2L, aggregate.get("rows_in"));
            assertEquals(2L, aggregate.get("rows_out"));
            assertEquals(2L, aggregate.get("state_keys"));
            assertTrue((Long) aggregate.get("state_bytes") > 0);
            assertEquals("end", aggregate.get("watermark"));
            Map<String, Object> sink = node(nodes, "sink results");
            assertEquals(2L, sink.get("rows_in"));
            assertEquals(2L, sink.get("rows_out"));
            // what the aggregation emitted is what the sink took
            assertTrue((Long) aggregate.get("busy_micros") >= 0);
            // the query ended with the statement
            assertEquals(List.of(), rows(session.execute("SHOW QUERIES").cursor()));
        }
    }

    @Test
    void explainAnalyzeCountsLateRowsAtTheWindowThatDroppedThem() throws IOException, InterruptedException {
        Path file = dir.resolve("clicks.csv");
        // one row a batch: the watermark (rowtime less 1 s) after the second row is 00:00:04, so the
        // window [00:00:02, 00:00:03) of the third row has fired, and the row is late
        Files.writeString(file, """
                1,2026-01-01 00:00:01
                2,2026-01-01 00:00:05
                3,2026-01-01 00:00:02
                """);
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(1));
             Session session = engine.newSession()) {
            session.execute("CREATE STREAM clicks (id INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
                    + "WITH ('connector' = 'file', 'path' = '" + file + "', 'format' = 'csv')");
            session.execute("SET 'batch.size' = '1'");
            List<Map<String, Object>> nodes = rows(session.execute("EXPLAIN ANALYZE SELECT STREAM window_start, "
                    + "COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' SECOND)) "
                    + "GROUP BY window_start, window_end").cursor());

            Map<String, Object> window = node(nodes, "WindowAggregate");
            assertEquals(1L, window.get("late_records"));
            // the windows of 00:00:01 and 00:00:05
            assertEquals(2L, window.get("rows_out"));
            assertEquals(0L, node(nodes, "sink results").get("late_records"));
        }
    }

    @Test
    void explainAnalyzeAndShowQueriesOfAQueryById() throws IOException, InterruptedException {
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(1));
             Session session = engine.newSession();
             Session other = engine.newSession(new SessionUser("mallory", false))) {
            session.execute(OrdersFile.create(dir));
            ResultCursor cursor = session.execute("SELECT STREAM id, item FROM orders").cursor();
            for (int i = 0; i < 3; i++) {
                cursor.next();
            }
            Map<String, Object> query = rows(session.execute("SHOW QUERIES").cursor()).get(0);
            String id = (String) query.get("id");
            List<Map<String, Object>> nodes = rows(session.execute("EXPLAIN ANALYZE '" + id + "'").cursor());
            assertEquals(3L, node(nodes, "sink results").get("rows_in"));
            assertTrue(query.containsKey("records_in_per_second"));
            assertTrue((Long) query.get("memory_bytes") >= 0);
            assertEquals(0L, query.get("backpressure_millis"));

            SluiceException hidden = assertThrows(SluiceException.class,
                    () -> other.execute("EXPLAIN ANALYZE '" + id + "'"));
            assertEquals(ErrorCode.OBJECT_NOT_FOUND, hidden.code());
            cursor.close();
        }
    }

    @Test
    void explainAnalyzeAnswersAJdbcClientWithAResultSet() throws Exception {
        try (JdbcTarget target = JdbcTarget.remote(); Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            statement.execute(OrdersFile.create(dir));
            try (ResultSet nodes = statement.executeQuery("EXPLAIN ANALYZE SELECT id FROM orders WHERE id > 1")) {
                assertEquals("rows_in", nodes.getMetaData().getColumnLabel(4));
                long sinkRows = -1;
                while (nodes.next()) {
                    if (nodes.getString("operator").equals("sink results")) {
                        sinkRows = nodes.getLong("rows_in");
                    }
                }
                // ids 2 and 4
                assertEquals(2, sinkRows);
            }
        }
    }

    private static Map<String, Object> node(List<Map<String, Object>> nodes, String operator) {
        return nodes.stream().filter(n -> n.get("operator").equals(operator)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + operator + " in " + nodes));
    }

    private static List<Map<String, Object>> rows(ResultCursor cursor) throws InterruptedException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (cursor) {
            for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
                Map<String, Object> named = new HashMap<>();
                List<ResultColumn> columns = cursor.columns();
                for (int i = 0; i < columns.size(); i++) {
                    named.put(columns.get(i).name(), row[i]);
                }
                rows.add(named);
            }
        }
        return rows;
    }
}
