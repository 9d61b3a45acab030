package io.sluice.runtime.connector.nexmark;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.Clock;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads one task's share of a kind's events: generates a run of events into an
 * {@link EventBuffer} that holds only the fields of the table's columns, then copies those
 * columns into the batch.
 *
 * <p>Unpaced, it generates as fast as it can and event times are virtual. Paced, it releases an
 * event only once the clock has reached its event time, and waits at most
 * {@link #MAX_WAIT_MILLIS} per call when nothing is due.
 *
 * <p>A checkpoint keeps the reader's place in its share of the sequence; a reader restored from
 * it goes on with the very events that would have come next, paced or not (a paced reader does
 * not jump to the wall clock again: it catches up as fast as the events are due).
 */
final class NexmarkReader<B extends EventBuffer> implements SourceReader, Checkpointed {
    private static final long MAX_WAIT_MILLIS = 100;

    private final EventGenerator<B> generator;
    private final B buffer;
    private final EventNumbers numbers;
    private final int[] fields;
    private final boolean[] stringFields;
    private final ChunkCursor cursor;
    private final int batchSize;
    private final Clock pacingClock;

    /**
     * @param fields      for each column of the batch, the index of the kind's field it holds
     * @param pacingClock the clock that paces events, or null to generate as fast as possible
     */
    NexmarkReader(EventGenerator<B> generator, EventNumbers numbers, int[] fields, ChunkCursor cursor,
            int batchSize, Clock pacingClock) {
        this.generator = requireNonNull(generator, "generator is null");
        this.numbers = requireNonNull(numbers, "numbers is null");
        this.fields = fields.clone();
        this.cursor = requireNonNull(cursor, "cursor is null");
        this.batchSize = batchSize;
        this.pacingClock = pacingClock;
        this.buffer = generator.newBuffer(batchSize, this.fields);
        this.stringFields = new boolean[fields.length];
        for (int i = 0; i < fields.length; i++) {
            stringFields[i] = generator.kind().fields().get(fields[i]).type() == NexmarkField.Type.VARCHAR;
        }
    }

    @Override
    public int read(VectorSchemaRoot batch) {
        if (cursor.isDone()) {
            return END;
        }
        int count = cursor.run(batchSize);
        if (pacingClock != null) {
            count = due(count);
            if (count == 0) {
                batch.setRowCount(0);
                return 0;
            }
        }
        generator.generate(cursor.position(), count, buffer);
        for (int column = 0; column < fields.length; column++) {
            if (stringFields[column]) {
                VectorCopier.copyStrings(buffer.strings(fields[column]), count, (VarCharVector) batch.getVector(column));
            } else {
                VectorCopier.copyLongs(buffer.longs(fields[column]), count, (BaseFixedWidthVector) batch.getVector(column));
            }
        }
        batch.setRowCount(count);
        cursor.advance(count);
        return count;
    }

    @Override
    public void snapshotState(long checkpointId, StateWriter out) throws IOException {
        out.writeLong(cursor.position());
        out.writeLong(cursor.chunkEnd());
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        long position = in.readLong();
        long chunkEnd = in.readLong();
        if (position < 0 || chunkEnd < 0) {
            throw new SluiceException(ErrorCode.IO_ERROR, "a nexmark reader's checkpoint holds no valid position: "
                    + position + " in a chunk ending at " + chunkEnd);
        }
        cursor.resume(position, chunkEnd);
    }

    @Override
    public void close() {
        // the buffer is plain heap memory; the batch belongs to the task
    }

    /** How many of the next {@code count} events are due by the clock, after waiting a little if none is. */
    private int due(int count) {
        long first = cursor.position();
        long firstTime = timestampOf(first);
        long now = pacingClock.millis();
        if (firstTime > now) {
            try {
                pacingClock.sleepUntil(Math.min(firstTime, now + MAX_WAIT_MILLIS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
            now = pacingClock.millis();
            if (firstTime > now) {
                return 0;
            }
        }
        // event times grow with the index: find the last due one
        int low = 1;
        int high = count;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (timestampOf(first + middle - 1) <= now) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private long timestampOf(long index) {
        return numbers.timestamp(numbers.eventNumber(generator.kind(), index));
    }
}
