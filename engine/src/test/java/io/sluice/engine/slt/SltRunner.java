package io.sluice.engine.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.sluice.engine.values.ValuesSource;
import io.sluice.planner.catalog.CatalogTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the records of one SQL logic test file against a fresh target, and checks at the end that
 * every query freed all its memory.
 */
final class SltRunner {
    private final String file;
    private final String where;
    private final Supplier<SltTarget> targets;

    /**
     * @param where   what the failure messages say the file ran on, e.g. {@code parallelism 2}
     * @param targets makes the fresh target the file runs on
     */
    SltRunner(String file, String where, Supplier<SltTarget> targets) {
        this.file = file;
        this.where = where;
        this.targets = targets;
    }

    void run(List<SltRecord> records) throws InterruptedException {
        try (SltTarget target = targets.get()) {
            for (SltRecord record : records) {
                runRecord(target, record);
            }
        }
    }

    private void runRecord(SltTarget target, SltRecord record) throws InterruptedException {
        String at = file + ":" + record.line() + " (" + where + ")";
        if (record instanceof SltRecord.StatementOk ok) {
            try {
                target.run(ok.sql());
            } catch (SltTarget.Failure e) {
                fail(at + ": statement failed: " + e.getMessage(), e);
            }
        } else if (record instanceof SltRecord.StatementError error) {
            try {
                target.run(error.sql());
                fail(at + ": statement should have failed with '" + error.expected() + "'");
            } catch (SltTarget.Failure e) {
                if (!e.getMessage().contains(error.expected())) {
                    fail(at + ": expected an error containing '" + error.expected() + "' but got: " + e.getMessage());
                }
            }
        } else if (record instanceof SltRecord.Input input) {
            ValuesSource source = valuesSource(target, input.table(), at);
            input.rows().forEach(source::addRow);
        } else if (record instanceof SltRecord.Watermark watermark) {
            valuesSource(target, watermark.table(), at).addWatermark(watermark.timestamp());
        } else if (record instanceof SltRecord.Query query) {
            List<String> actual;
            try {
                actual = new ArrayList<>(target.run(query.sql()));
            } catch (SltTarget.Failure e) {
                throw new AssertionError(at + ": query failed: " + e.getMessage(), e);
            }
            List<String> expected = new ArrayList<>(query.expected());
            if (query.finalResult()) {
                actual = FormattedChangelog.finalRows(actual, at);
            }
            if (query.rowsort() || query.finalResult()) {
                actual.sort(null);
                expected.sort(null);
            }
            assertEquals(String.join("\n", expected), String.join("\n", actual), at + ": rows differ");
        } else if (record instanceof SltRecord.Summary summary) {
            target.lastSummary().ifPresent(last -> {
                Map<String, Long> actual = Map.of("late", last.lateRecords(), "malformed", last.malformedRecords(),
                        "read", last.recordsRead(), "rows", last.rows());
                for (Map.Entry<String, Long> entry : summary.expected().entrySet()) {
                    assertEquals(entry.getValue(), actual.get(entry.getKey()), at + ": summary " + entry.getKey());
                }
            });
        }
    }

    private static ValuesSource valuesSource(SltTarget target, String table, String at) {
        CatalogTable catalogTable = (CatalogTable) target.engine().catalog().get(table);
        if (!(catalogTable.source() instanceof ValuesSource source)) {
            throw new AssertionError(at + ": '" + table + "' is not a values stream");
        }
        return source;
    }
}
