package io.sluice.engine.query;

import io.sluice.runtime.changelog.RowKinds;

import io.sluice.engine.result.QuerySummary;
import io.sluice.engine.result.ResultColumn;
import io.sluice.engine.result.ResultCursor;
import io.sluice.engine.result.ValueConverter;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The rows of a running query, read from its result queue by the client's thread. */
public final class QueryCursor implements ResultCursor {
    private final RunningQuery query;
    private final boolean changelog;
    private VectorSchemaRoot current;
    private int position;
    private boolean ended;

    /**
     * @param changelog true if the query's batches carry the row kind as their last column; its
     *                  first result column ({@code op}) then shows it
     */
    public QueryCursor(RunningQuery query, boolean changelog) {
        this.query = query;
        this.changelog = changelog;
    }

    public RunningQuery query() {
        return query;
    }

    @Override
    public List<ResultColumn> columns() {
        return query.columns();
    }

    @Override
    public boolean isChangelog() {
        return changelog;
    }

    @Override
    public Object[] next() throws InterruptedException {
        while (true) {
            List<Object[]> rows = poll(1, Long.MAX_VALUE);
            if (rows == null) {
                return null;
            }
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
        }
    }

    @Override
    public List<Object[]> poll(int maxRows, long timeoutMillis) throws InterruptedException {
        long deadline = timeoutMillis == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000;
        List<Object[]> rows = new ArrayList<>();
        while (rows.size() < maxRows) {
            if (current != null && position < current.getRowCount()) {
                rows.add(row(position++));
                continue;
            }
            closeCurrent();
            if (ended) {
                break;
            }
            // Wait only for the first row: once there are rows, take only batches already queued.
            Object item = rows.isEmpty() ? query.results().poll() : query.results().pollNow();
            if (item == ResultQueue.END) {
                ended = true;
            } else if (item instanceof VectorSchemaRoot batch) {
                current = batch;
                position = 0;
            } else if (!rows.isEmpty()) {
                break;
            } else {
                // Before giving up for lack of rows, say why if the query has ended without them.
                checkStopped();
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
        }
        if (ended && rows.isEmpty()) {
            query.release();
            return null;
        }
        return rows;
    }

    /** Nothing arrived: if the query ended without an end of results, say why. */
    private void checkStopped() {
        if (!query.job().completion().isDone()) {
            return;
        }
        switch (query.state()) {
            case FAILED -> {
                ended = true;
                throw query.job().failure();
            }
            case CANCELLED -> {
                ended = true;
                throw new SluiceException(ErrorCode.QUERY_CANCELLED, "query " + query.id() + " was cancelled");
            }
            default -> {
                // Finished: the end marker is in the queue or was dropped on an early stop.
                if (query.job().isStopping()) {
                    ended = true;
                }
            }
        }
    }

    private Object[] row(int index) {
        List<ResultColumn> columns = query.columns();
        Object[] row = new Object[columns.size()];
        int first = 0;
        if (changelog) {
            row[0] = RowKinds.at(current, index).shortString();
            first = 1;
        }
        for (int i = first; i < row.length; i++) {
            row[i] = ValueConverter.read(current.getVector(i - first), index, columns.get(i));
        }
        return row;
    }

    @Override
    public void cancel() {
        query.cancel();
    }

    @Override
    public QuerySummary summary() {
        return query.summary();
    }

    @Override
    public void close() {
        closeCurrent();
        query.release();
    }

    private void closeCurrent() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
