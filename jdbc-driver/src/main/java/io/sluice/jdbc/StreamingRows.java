package io.sluice.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;

/**
 * The rows of a result as the engine sends them. A frame is fetched only when the caller wants a
 * row the last frame did not hold, so {@code executeQuery} returns at once and
 * {@code ResultSet.next()} waits for the engine's next row. (Avatica's own iterator fetches the
 * next frame before it hands out the last row of the current one, which holds a continuous
 * query's rows back until more arrive.) The engine answers a fetch within a short wait even when
 * it has no rows, so a reader waiting here sees a cancel promptly.
 *
 * <p>Closing before the end stops the query on the engine.
 */
final class StreamingRows implements Iterator<Object>, AutoCloseable {
    private final ClientMeta meta;
    private final Meta.StatementHandle statement;
    private final AtomicBoolean cancelRequested;
    private final int fetchSize;
    private Iterator<Object> rows;
    private long offset;
    private volatile boolean ended;

    StreamingRows(ClientMeta meta, SluiceConnection connection, Meta.StatementHandle statement, Meta.Frame firstFrame,
                  int fetchSize) {
        this.meta = requireNonNull(meta, "meta is null");
        this.statement = requireNonNull(statement, "statement is null");
        this.cancelRequested = connection.cancelFlag(statement);
        this.fetchSize = fetchSize;
        this.rows = firstFrame == null ? Collections.emptyIterator() : firstFrame.rows.iterator();
        this.ended = firstFrame != null && firstFrame.done;
    }

    @Override
    public boolean hasNext() {
        while (!rows.hasNext()) {
            if (ended) {
                return false;
            }
            if (cancelRequested.get()) {
                ended = true;
                throw SqlErrors.cancelled();
            }
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(null);
            }
            Meta.Frame frame;
            try {
                frame = meta.fetch(statement, offset, fetchSize);
            } catch (NoSuchStatementException | MissingResultsException e) {
                ended = true;
                throw new ServerError("the result set's statement was closed on the server", SqlErrors.INVALID_CURSOR_STATE,
                        0, e);
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw interrupted(e);
                }
                // The engine ended the result with this failure; there is nothing more to fetch.
                ended = true;
                throw e;
            }
            rows = frame.rows.iterator();
            ended = frame.done;
        }
        return true;
    }

    /**
     * The reading thread was interrupted: the query is stopped on the engine (with the interrupt
     * set aside, so that the request can go out) and the reader told so; the thread stays interrupted.
     */
    private ServerError interrupted(Throwable cause) {
        Thread.interrupted();
        try {
            close();
        } finally {
            Thread.currentThread().interrupt();
        }
        return new ServerError("the thread reading the result was interrupted: the query was cancelled",
                SqlErrors.QUERY_CANCELLED, 0, cause);
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        offset++;
        return rows.next();
    }

    @Override
    public void close() {
        if (!ended) {
            ended = true;
            try {
                meta.cancel(statement);
            } catch (ServerError e) {
                // The server is unreachable: it stops the query when the session times out.
            }
        }
    }
}
