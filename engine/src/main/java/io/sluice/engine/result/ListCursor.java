package io.sluice.engine.result;

import java.util.ArrayList;
import java.util.List;

/** A result that is all there already: SHOW, DESCRIBE, EXPLAIN. */
public final class ListCursor implements ResultCursor {
    private final List<ResultColumn> columns;
    private final List<Object[]> rows;
    private int next;

    public ListCursor(List<ResultColumn> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public Object[] next() {
        return next < rows.size() ? rows.get(next++) : null;
    }

    @Override
    public List<Object[]> poll(int maxRows, long timeoutMillis) {
        if (next >= rows.size()) {
            return null;
        }
        List<Object[]> batch = new ArrayList<>();
        while (batch.size() < maxRows && next < rows.size()) {
            batch.add(rows.get(next++));
        }
        return batch;
    }

    @Override
    public void cancel() {
    }

    @Override
    public QuerySummary summary() {
        return new QuerySummary(rows.size(), 0, 0, 0, null);
    }

    @Override
    public void close() {
    }
}
