package io.sluice.engine.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.result.QuerySummary;
import io.sluice.engine.result.ResultCursor;
import io.sluice.engine.values.ValuesSource;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the records of one SQL logic test file against a fresh engine at one parallelism, and
 * checks at the end that every query freed all its memory.
 */
final class SltRunner {
    /** A query that produces nothing for this long has hung: a failure, not a wait. */
    private static final long QUERY_TIMEOUT_MILLIS = 60_000;

    private final String file;
    private final int parallelism;
    private QuerySummary lastSummary = QuerySummary.NONE;

    SltRunner(String file, int parallelism) {
        this.file = file;
        this.parallelism = parallelism;
    }

    void run(List<SltRecord> records) throws InterruptedException {
        Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(parallelism));
        try (Session session = engine.newSession()) {
            for (SltRecord record : records) {
                runRecord(session, record);
            }
        } finally {
            engine.close();
        }
    }

    private void runRecord(Session session, SltRecord record) throws InterruptedException {
        String where = file + ":" + record.line() + " (parallelism " + parallelism + ")";
        if (record instanceof SltRecord.StatementOk ok) {
            try {
                drain(session.execute(ok.sql()), where);
            } catch (SluiceException e) {
                fail(where + ": statement failed: " + e.sqlState() + " " + e.getMessage(), e);
            }
        } else if (record instanceof SltRecord.StatementError error) {
            try {
                drain(session.execute(error.sql()), where);
                fail(where + ": statement should have failed with '" + error.expected() + "'");
            } catch (SluiceException e) {
                String actual = e.sqlState() + " " + e.getMessage();
                if (!actual.contains(error.expected())) {
                    fail(where + ": expected an error containing '" + error.expected() + "' but got: " + actual);
                }
            }
        } else if (record instanceof SltRecord.Input input) {
            ValuesSource source = valuesSource(session, input.table(), where);
            input.rows().forEach(source::addRow);
        } else if (record instanceof SltRecord.Watermark watermark) {
            valuesSource(session, watermark.table(), where).addWatermark(watermark.timestamp());
        } else if (record instanceof SltRecord.Query query) {
            List<String> actual;
            try {
                actual = drain(session.execute(query.sql()), where);
            } catch (SluiceException e) {
                throw new AssertionError(where + ": query failed: " + e.sqlState() + " " + e.getMessage(), e);
            }
            List<String> expected = new ArrayList<>(query.expected());
            if (query.rowsort()) {
                actual.sort(null);
                expected.sort(null);
            }
            assertEquals(String.join("\n", expected), String.join("\n", actual), where + ": rows differ");
        } else if (record instanceof SltRecord.Summary summary) {
            Map<String, Long> actual = Map.of("late", lastSummary.lateRecords(), "malformed",
                    lastSummary.malformedRecords(), "read", lastSummary.recordsRead(), "rows", lastSummary.rows());
            for (Map.Entry<String, Long> entry : summary.expected().entrySet()) {
                assertEquals(entry.getValue(), actual.get(entry.getKey()), where + ": summary " + entry.getKey());
            }
        }
    }

    /** Reads every row of a result, formatted, and closes it. */
    private List<String> drain(StatementResult result, String where) throws InterruptedException {
        List<String> rows = new ArrayList<>();
        if (!result.hasRows()) {
            return rows;
        }
        try (ResultCursor cursor = result.cursor()) {
            while (true) {
                List<Object[]> batch = cursor.poll(1024, QUERY_TIMEOUT_MILLIS);
                if (batch == null) {
                    break;
                }
                if (batch.isEmpty()) {
                    fail(where + ": no row and no end within " + QUERY_TIMEOUT_MILLIS + " ms");
                }
                for (Object[] row : batch) {
                    rows.add(SltValues.format(row));
                }
            }
            lastSummary = cursor.summary();
        }
        return rows;
    }

    private static ValuesSource valuesSource(Session session, String table, String where) {
        CatalogTable catalogTable = (CatalogTable) session.engine().catalog().get(table);
        if (!(catalogTable.source() instanceof ValuesSource source)) {
            throw new AssertionError(where + ": '" + table + "' is not a values stream");
        }
        return source;
    }
}
