package io.sluice.engine.jdbc;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.query.QueryCursor;
import io.sluice.engine.result.ResultCursor;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.Meta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A query's rows as a client fetches them, frame by frame. A fetch waits a short while for rows
 * when none are ready (a long poll), so rows reach the client soon after the engine makes them,
 * and an empty frame tells a waiting client to ask again. Fetches are served one at a time. A
 * stop (a cancel, or the client closing the result set, the statement or the connection) may come
 * from any thread: it cancels the query at once, then waits for a fetch in progress before it frees
 * the query's memory.
 */
final class OpenResult {
    /** How long a fetch waits for the first row before it answers with an empty frame. */
    static final long LONG_POLL_MILLIS = 50;
    /** The most rows one frame holds, whatever the client asks for. */
    static final int MAX_FRAME_ROWS = 65_536;

    private static final Logger LOG = LoggerFactory.getLogger(OpenResult.class);

    private final String connection;
    private final String queryId;
    private final ResultCursor cursor;
    private final JdbcColumns columns;
    private final long maxRows;
    private long delivered;
    private boolean ended;
    private volatile String stopReason;

    /**
     * @param connection the connection's name, for the log
     * @param maxRows    the most rows to deliver (the statement's {@code setMaxRows}), or 0 for all
     */
    OpenResult(String connection, ResultCursor cursor, JdbcColumns columns, long maxRows) {
        this.connection = requireNonNull(connection, "connection is null");
        this.cursor = requireNonNull(cursor, "cursor is null");
        this.columns = requireNonNull(columns, "columns is null");
        this.queryId = cursor instanceof QueryCursor query ? query.query().id() : "?";
        this.maxRows = Math.max(maxRows, 0);
    }

    String queryId() {
        return queryId;
    }

    /**
     * Up to {@code requested} rows, waiting up to {@link #LONG_POLL_MILLIS} for the first one.
     *
     * @throws SluiceException if the query failed or was stopped
     */
    synchronized Meta.Frame fetch(long offset, int requested) {
        if (ended) {
            if (stopReason != null) {
                throw stopped();
            }
            return new Meta.Frame(offset, true, List.of());
        }
        int limit = Math.min(Math.max(requested, 1), MAX_FRAME_ROWS);
        if (maxRows > 0) {
            limit = (int) Math.min(limit, maxRows - delivered);
        }
        List<Object[]> rows;
        try {
            rows = cursor.poll(limit, LONG_POLL_MILLIS);
        } catch (SluiceException e) {
            end(stopReason != null ? stopReason : "failed: " + e.getMessage());
            throw stopReason != null ? stopped() : e;
        } catch (InterruptedException e) {
            // the server stopping, or (in process) the client's reading thread interrupted
            Thread.currentThread().interrupt();
            end("interrupted while waiting for rows");
            throw new SluiceException(ErrorCode.QUERY_CANCELLED, "query " + queryId
                    + " was stopped: interrupted while waiting for its rows");
        }
        if (rows == null) {
            end("finished");
            return new Meta.Frame(offset, true, List.of());
        }
        List<Object> frame = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            frame.add(columns.toWire(row));
        }
        delivered += rows.size();
        boolean done = maxRows > 0 && delivered >= maxRows;
        if (done) {
            end("stopped at its limit of " + maxRows + " rows");
        }
        return new Meta.Frame(offset, done, frame);
    }

    /**
     * Stops the query and frees its memory; a fetch in progress ends first. Later fetches fail
     * with QUERY_CANCELLED. Any thread; idempotent.
     */
    void stop(String why) {
        if (stopReason == null) {
            stopReason = why;
        }
        cursor.cancel();
        synchronized (this) {
            end(why);
        }
    }

    private void end(String why) {
        if (ended) {
            return;
        }
        ended = true;
        cursor.close();
        LOG.info("query {} of connection {} {}: {}", queryId, connection, why, cursor.summary().describe());
    }

    private SluiceException stopped() {
        return new SluiceException(ErrorCode.QUERY_CANCELLED, "query " + queryId + " was stopped: " + stopReason);
    }
}
