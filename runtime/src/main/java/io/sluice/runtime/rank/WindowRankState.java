package io.sluice.runtime.rank;

import io.sluice.runtime.sort.RowComparator;
import io.sluice.runtime.state.KeyedState;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows a window Top-N keeps: a {@link RankState} per open window, by the window's end, dropped
 * whole when the window fires. Windows are identified by their end; the partitions of one window
 * are its rows' partition keys (the window's own columns among them).
 */
final class WindowRankState implements KeyedState {
    private final Schema schema;
    private final int[] partitionKeys;
    private final RowComparator order;
    private final BufferAllocator allocator;
    private final NavigableMap<Long, RankState> windows = new TreeMap<>();

    WindowRankState(Schema schema, int[] partitionKeys, RowComparator order, BufferAllocator allocator) {
        this.schema = schema;
        this.partitionKeys = partitionKeys.clone();
        this.order = order;
        this.allocator = allocator;
    }

    /** The rows of the window that ends at {@code end}, made empty if it has none. */
    RankState window(long end) {
        return windows.computeIfAbsent(end, e -> new RankState(schema, partitionKeys, order, allocator));
    }

    /** The open windows, earliest end first. */
    NavigableMap<Long, RankState> windows() {
        return windows;
    }

    /** Drops a window's rows. */
    void drop(long end) {
        RankState window = windows.remove(end);
        if (window != null) {
            window.close();
        }
    }

    /** What the windows hold on the heap; their rows' vectors are charged to the allocator already. */
    long heapBytes() {
        long bytes = 0;
        for (RankState window : windows.values()) {
            bytes += window.heapBytes();
        }
        return bytes;
    }

    @Override
    public long estimatedBytes() {
        long bytes = 0;
        for (RankState window : windows.values()) {
            bytes += window.estimatedBytes();
        }
        return bytes;
    }

    /** The partitions of every open window. */
    @Override
    public long keyCount() {
        long keys = 0;
        for (RankState window : windows.values()) {
            keys += window.keyCount();
        }
        return keys;
    }

    /** Windows end with time, not with idleness: nothing expires. */
    @Override
    public int expire(long cutoffMillis) {
        return 0;
    }

    /** The number of windows, then per window its end and its {@link RankState}. */
    @Override
    public void snapshot(StateWriter out) throws IOException {
        out.writeInt(windows.size());
        for (Map.Entry<Long, RankState> window : windows.entrySet()) {
            out.writeLong(window.getKey());
            window.getValue().snapshot(out);
        }
    }

    @Override
    public void restore(StateReader in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("a count of " + count + " windows");
        }
        for (int i = 0; i < count; i++) {
            window(in.readLong()).restore(in);
        }
    }

    @Override
    public void close() {
        for (RankState window : windows.values()) {
            window.close();
        }
        windows.clear();
    }
}
