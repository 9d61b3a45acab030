package io.sluice.engine.result;

import io.sluice.runtime.metrics.MalformedRecord;

/**
 * What a query did, for the line the shell prints at its end and for metrics.
 *
 * @param rows             rows delivered to the client
 * @param recordsRead      records the sources read
 * @param malformedRecords records skipped because they could not be read
 * @param lateRecords      rows dropped because their window had already fired
 * @param firstMalformed   the first malformed record, or null
 */
public record QuerySummary(long rows, long recordsRead, long malformedRecords, long lateRecords,
                           MalformedRecord firstMalformed) {
    public static final QuerySummary NONE = new QuerySummary(0, 0, 0, 0, null);

    /** One line, e.g. {@code 3 rows; 10 records read; 1 malformed record skipped (first: ...)}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(count(rows, "row")).append("; ").append(count(recordsRead, "record")).append(" read");
        if (malformedRecords > 0) {
            text.append("; ").append(count(malformedRecords, "malformed record")).append(" skipped");
            if (firstMalformed != null) {
                text.append(" (first: ").append(firstMalformed).append(')');
            }
        }
        if (lateRecords > 0) {
            text.append("; late records dropped: ").append(lateRecords);
        }
        return text.toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
