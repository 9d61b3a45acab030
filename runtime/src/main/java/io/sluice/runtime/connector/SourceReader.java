package io.sluice.runtime.connector;

import io.sluice.runtime.operator.Watermarks;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads one parallel share of a source into Arrow batches. Called by one task thread only.
 *
 * <p>Records are written straight into the vectors (no row objects in between). A record that
 * cannot be read is reported through {@code TaskContext.metrics().reportMalformed} with its
 * location, and skipped; it never fails the query.
 */
public interface SourceReader extends AutoCloseable {
    /** Returned by {@link #read} when the share is exhausted. */
    int END = -1;

    /**
     * Writes up to the task's batch size rows into {@code batch}, starting at row 0, and sets
     * its row count. The task passes the same root, made from the source's schema, to every call.
     * Returns the number of rows written; 0 if nothing arrived within a short wait (at most about
     * 100 ms, so that a cancel is noticed); or {@link #END}.
     */
    int read(VectorSchemaRoot batch);

    /**
     * A watermark the source itself knows, asked after each {@link #read}: an explicit watermark
     * of the test source, or the minimum over a Kafka reader's partitions. {@link Watermarks#NONE}
     * if the source has none; the task then derives watermarks from the rows.
     */
    default long currentWatermark() {
        return Watermarks.NONE;
    }

    /**
     * True if {@link #currentWatermark()} is the whole watermark of this reader (it tracks the
     * table's watermark itself, per split); the task then derives none from the rows.
     */
    default boolean emitsWatermarks() {
        return false;
    }

    @Override
    void close();
}
