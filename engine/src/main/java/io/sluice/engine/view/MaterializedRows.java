package io.sluice.engine.view;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.memory.HeapSize;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.vector.VectorValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The current result of a materialized view: its query's changelog applied batch by batch. Rows
 * are kept by the query's key when it has one (a GROUP BY's keys), else by their whole value with a
 * count. Readers take a snapshot between two batches, so they never see half a batch; a reader that
 * follows the view ({@code SELECT STREAM}) gets the snapshot and then every change, in order.
 * The writer is the view's one sink task; readers are any threads.
 */
public final class MaterializedRows {
    /** Changes a follower may fall behind by before it is dropped: the writer never waits for readers. */
    static final int FOLLOWER_CAPACITY = 1 << 20;

    private final int columns;
    private final int[] keyColumns;
    /** By key (or by whole row): the row and how many times it is there. */
    private final Map<List<Object>, Entry> rows = new LinkedHashMap<>();
    private final List<Follower> followers = new CopyOnWriteArrayList<>();
    private long bytes;
    private boolean closed;

    private static final class Entry {
        final Object[] row;
        int count;

        Entry(Object[] row) {
            this.row = row;
        }
    }

    /** A change as a follower receives it, or {@link #END} once the view is gone. */
    public record Change(RowKind kind, Object[] row) {
        public static final Change END = new Change(null, null);
    }

    /** What a follower reads: the changes after its snapshot. */
    public static final class Follower {
        private final BlockingQueue<Change> changes = new ArrayBlockingQueue<>(FOLLOWER_CAPACITY + 1);
        private volatile boolean overrun;

        public Change poll(long timeoutMillis) throws InterruptedException {
            if (overrun) {
                throw new SluiceException(ErrorCode.QUERY_CANCELLED, "the query fell more than " + FOLLOWER_CAPACITY
                        + " changes behind the materialized view it follows and was stopped; read it faster or "
                        + "query its current rows with a plain SELECT");
            }
            return changes.poll(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        void offer(Change change) {
            if (!changes.offer(change)) {
                overrun = true;
            }
        }
    }

    /**
     * @param columns    the view's columns
     * @param keyColumns the columns identifying a row of the result, or none
     */
    public MaterializedRows(int columns, int[] keyColumns) {
        this.columns = columns;
        this.keyColumns = keyColumns.clone();
    }

    /** Applies a batch of the view's query: a changelog if it carries row kinds, else inserts. */
    public synchronized void apply(VectorSchemaRoot batch) {
        boolean changelog = RowKinds.carried(batch);
        for (int row = 0; row < batch.getRowCount(); row++) {
            Object[] values = new Object[columns];
            for (int column = 0; column < columns; column++) {
                values[column] = VectorValues.get(batch.getVector(column), row);
            }
            RowKind kind = changelog ? RowKinds.at(batch, row) : RowKind.INSERT;
            apply(kind, values);
            for (Follower follower : followers) {
                follower.offer(new Change(kind, values));
            }
        }
    }

    private void apply(RowKind kind, Object[] values) {
        List<Object> key = key(values);
        Entry entry = rows.get(key);
        if (kind.adds()) {
            if (entry == null || keyColumns.length > 0) {
                if (entry != null) {
                    bytes -= size(entry.row);
                }
                entry = new Entry(values);
                rows.put(key, entry);
                bytes += size(values);
            }
            entry.count++;
            return;
        }
        if (entry == null) {
            throw SluiceException.internal("a materialized view's changelog retracts a row it does not hold", null);
        }
        if (keyColumns.length > 0 || --entry.count == 0) {
            rows.remove(key);
            bytes -= size(entry.row);
        }
    }

    private List<Object> key(Object[] values) {
        if (keyColumns.length == 0) {
            return Arrays.asList(values);
        }
        Object[] key = new Object[keyColumns.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = values[keyColumns[i]];
        }
        return Arrays.asList(key);
    }

    private static long size(Object[] row) {
        long size = 64L + 8L * row.length;
        for (Object value : row) {
            size += value == null ? 0 : HeapSize.of(value);
        }
        return size;
    }

    /** An estimate of the heap the rows take. */
    public synchronized long estimatedBytes() {
        return bytes;
    }

    /** The rows as they stand now, each as often as it is there. */
    public synchronized List<Object[]> snapshot() {
        List<Object[]> snapshot = new ArrayList<>(rows.size());
        for (Entry entry : rows.values()) {
            for (int i = 0; i < (keyColumns.length > 0 ? 1 : entry.count); i++) {
                snapshot.add(entry.row);
            }
        }
        return snapshot;
    }

    /** The rows as they stand now, and from then on every change, for a reader that follows the view. */
    public synchronized Map.Entry<List<Object[]>, Follower> follow() {
        Follower follower = new Follower();
        if (closed) {
            follower.offer(Change.END);
        } else {
            followers.add(follower);
        }
        return Map.entry(snapshot(), follower);
    }

    /** A follower that stopped reading. */
    public void unfollow(Follower follower) {
        followers.remove(follower);
    }

    /**
     * Writes the rows as they stand (their columns as {@code schema} gives them, and how many
     * times each is there), for a checkpoint of the view's job.
     */
    public synchronized void writeTo(StateWriter out, Schema schema, BufferAllocator allocator) throws IOException {
        int[] counts = new int[rows.size()];
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator)) {
            batch.allocateNew();
            int row = 0;
            for (Entry entry : rows.values()) {
                for (int column = 0; column < columns; column++) {
                    VectorValues.set(batch.getVector(column), row, entry.row[column]);
                }
                counts[row++] = entry.count;
            }
            batch.setRowCount(row);
            out.writeRows(batch);
        }
        out.writeInts(counts, counts.length);
    }

    /**
     * Replaces the rows with what {@link #writeTo} wrote: the view as its job's checkpoint holds
     * it, before the job goes on from there. A follower sees every row it had retracted and the
     * restored ones inserted.
     */
    public synchronized void restore(StateReader in, Schema schema, BufferAllocator allocator) throws IOException {
        Map<List<Object>, Entry> restored = new LinkedHashMap<>();
        long restoredBytes = 0;
        try (VectorSchemaRoot batch = in.readRows(schema, allocator)) {
            int[] counts = in.readInts();
            if (counts.length != batch.getRowCount()) {
                throw new IOException("state is corrupt: " + counts.length + " counts for " + batch.getRowCount()
                        + " rows of the materialized view");
            }
            for (int row = 0; row < counts.length; row++) {
                Object[] values = new Object[columns];
                for (int column = 0; column < columns; column++) {
                    values[column] = VectorValues.get(batch.getVector(column), row);
                }
                Entry entry = new Entry(values);
                entry.count = counts[row];
                restored.put(key(values), entry);
                restoredBytes += size(values);
            }
        }
        for (Follower follower : followers) {
            for (Object[] row : snapshot()) {
                follower.offer(new Change(RowKind.DELETE, row));
            }
        }
        rows.clear();
        rows.putAll(restored);
        bytes = restoredBytes;
        for (Follower follower : followers) {
            for (Object[] row : snapshot()) {
                follower.offer(new Change(RowKind.INSERT, row));
            }
        }
    }

    /** The view is dropped: followers see the end. */
    public synchronized void close() {
        closed = true;
        for (Follower follower : followers) {
            follower.offer(Change.END);
        }
        followers.clear();
    }
}
