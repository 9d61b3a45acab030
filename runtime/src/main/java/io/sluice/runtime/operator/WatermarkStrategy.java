package io.sluice.runtime.operator;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Bounded out-of-orderness, as declared by {@code WATERMARK FOR ts AS ts - INTERVAL 'd' ...}: the
 * watermark trails the largest rowtime seen by a fixed delay.
 *
 * @param rowtimeColumn the index of the rowtime column in the source's batches
 * @param delayMillis   how far the watermark trails the largest rowtime
 */
public record WatermarkStrategy(int rowtimeColumn, long delayMillis) {
    public WatermarkStrategy {
        if (rowtimeColumn < 0) {
            throw new IllegalArgumentException("rowtime column must not be negative");
        }
        if (delayMillis < 0) {
            throw new IllegalArgumentException("watermark delay must not be negative");
        }
    }

    /** The watermark the rows of this batch allow, or {@link Watermarks#NONE} if they have no rowtime. */
    public long watermarkOf(VectorSchemaRoot batch) {
        TimeStampMilliVector rowtimes = (TimeStampMilliVector) batch.getVector(rowtimeColumn);
        int rows = batch.getRowCount();
        long data = rowtimes.getDataBufferAddress();
        long validity = rowtimes.getValidityBufferAddress();
        long max = Long.MIN_VALUE;
        boolean any = false;
        for (int row = 0; row < rows; row++) {
            if ((MemoryUtil.getByte(validity + (row >> 3)) & (1 << (row & 7))) != 0) {
                max = Math.max(max, MemoryUtil.getLong(data + ((long) row << 3)));
                any = true;
            }
        }
        return any ? max - delayMillis : Watermarks.NONE;
    }
}
