package io.sluice.bench.flink;

import static java.util.Objects.requireNonNull;

import org.apache.flink.api.connector.source.lib.util.IteratorSourceSplit;
import org.apache.flink.table.data.RowData;

/**
 * A share of a Nexmark table for one Flink reader: the kind's events at indexes
 * {@code [from, to)}. A split carries the whole table spec, because the reader makes its
 * iterator from the split alone.
 */
final class NexmarkSplit implements IteratorSourceSplit<RowData, NexmarkRowIterator> {
    private final int id;
    private final NexmarkTableSpec spec;
    private final long from;
    private final long to;

    NexmarkSplit(int id, NexmarkTableSpec spec, long from, long to) {
        this.id = id;
        this.spec = requireNonNull(spec, "spec is null");
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad range [" + from + ", " + to + ")");
        }
        this.from = from;
        this.to = to;
    }

    int id() {
        return id;
    }

    NexmarkTableSpec spec() {
        return spec;
    }

    long from() {
        return from;
    }

    long to() {
        return to;
    }

    @Override
    public String splitId() {
        return Integer.toString(id);
    }

    @Override
    public NexmarkRowIterator getIterator() {
        return new NexmarkRowIterator(spec, from, to);
    }

    @Override
    public IteratorSourceSplit<RowData, NexmarkRowIterator> getUpdatedSplitForIterator(NexmarkRowIterator iterator) {
        return new NexmarkSplit(id, spec, iterator.position(), to);
    }

    @Override
    public String toString() {
        return "NexmarkSplit " + id + " [" + from + ", " + to + ") of " + spec;
    }
}
