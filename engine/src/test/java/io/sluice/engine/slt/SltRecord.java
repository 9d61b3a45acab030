package io.sluice.engine.slt;

import java.util.List;

/** One record of a SQL logic test file, with the line it starts on for failure messages. */
sealed interface SltRecord {
    int line();

    /** {@code statement ok}: the SQL must run without error. */
    record StatementOk(int line, String sql) implements SltRecord {
    }

    /** {@code statement error <text>}: the SQL must fail, and "SQLSTATE message" must contain the text. */
    record StatementError(int line, String sql, String expected) implements SltRecord {
    }

    /** {@code input t}: rows appended to the values stream {@code t}. */
    record Input(int line, String table, List<String> rows) implements SltRecord {
    }

    /** {@code watermark t <timestamp>}: a watermark appended to the values stream {@code t}. */
    record Watermark(int line, String table, String timestamp) implements SltRecord {
    }

    /**
     * {@code query <types> [rowsort] [final]}: the SQL's rows, formatted, must equal the expected
     * ones. With {@code final}, the rows are a changelog (the first column is the row kind) and
     * what is compared is the result it leaves, sorted.
     */
    record Query(int line, String sql, boolean rowsort, boolean finalResult, List<String> expected) implements SltRecord {
    }

    /** {@code summary key=value ...}: counters of the previous query (late, malformed, read). */
    record Summary(int line, java.util.Map<String, Long> expected) implements SltRecord {
    }
}
