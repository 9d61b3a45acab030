package io.sluice.engine.result;

import java.util.ArrayList;
import java.util.List;

/**
 * The final result of a query over bounded inputs whose plan updates its rows (an aggregate, a
 * join, a Top-N): the changelog is applied as it comes and, once it has ended, the rows it leaves
 * are the result, without the {@code op} column.
 */
public final class FinalResultCursor implements ResultCursor {
    private final ResultCursor changelog;
    private final List<ResultColumn> columns;
    private final ChangelogRows rows = new ChangelogRows();
    private List<Object[]> result;
    private int next;

    /** @param changelog a cursor whose first column is the row kind ({@code op}) */
    public FinalResultCursor(ResultCursor changelog) {
        this.changelog = changelog;
        List<ResultColumn> all = changelog.columns();
        this.columns = List.copyOf(all.subList(1, all.size()));
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public Object[] next() throws InterruptedException {
        while (true) {
            List<Object[]> batch = poll(1, Long.MAX_VALUE);
            if (batch == null || !batch.isEmpty()) {
                return batch == null ? null : batch.get(0);
            }
        }
    }

    @Override
    public List<Object[]> poll(int maxRows, long timeoutMillis) throws InterruptedException {
        long deadline = timeoutMillis == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000;
        while (result == null) {
            long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return List.of();
            }
            List<Object[]> changes = changelog.poll(4096, left);
            if (changes == null) {
                result = rows.rows();
            } else {
                for (Object[] change : changes) {
                    rows.applyResultRow(change);
                }
            }
        }
        if (next >= result.size()) {
            return null;
        }
        List<Object[]> batch = new ArrayList<>(result.subList(next, Math.min(result.size(), next + maxRows)));
        next += batch.size();
        return batch;
    }

    @Override
    public void cancel() {
        changelog.cancel();
    }

    @Override
    public QuerySummary summary() {
        QuerySummary summary = changelog.summary();
        return new QuerySummary(result == null ? 0 : result.size(), summary.recordsRead(), summary.malformedRecords(),
                summary.lateRecords(), summary.firstMalformed());
    }

    @Override
    public void close() {
        changelog.close();
    }
}
