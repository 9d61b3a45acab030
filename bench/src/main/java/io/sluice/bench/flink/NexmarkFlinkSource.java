package io.sluice.bench.flink;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.connector.nexmark.EventNumbers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceEnumerator;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceReader;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.table.data.RowData;

/**
 * One kind of the events of a bounded Nexmark sequence as a Flink source (the Source API), made
 * by Sluice's generator: the kind's events are cut into one contiguous split per reader, and
 * each reader emits its split's rows one at a time, as Flink's own iterator sources do.
 */
public final class NexmarkFlinkSource implements Source<RowData, NexmarkSplit, Collection<NexmarkSplit>> {
    private static final long serialVersionUID = 1L;

    private final NexmarkTableSpec spec;

    public NexmarkFlinkSource(NexmarkTableSpec spec) {
        this.spec = requireNonNull(spec, "spec is null");
        if (!spec.config().isBounded()) {
            throw new IllegalArgumentException("the Flink Nexmark source needs a bounded sequence ('events.num')");
        }
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<NexmarkSplit, Collection<NexmarkSplit>> createEnumerator(
            SplitEnumeratorContext<NexmarkSplit> context) {
        return new IteratorSourceEnumerator<>(context, splits(context.currentParallelism()));
    }

    @Override
    public SplitEnumerator<NexmarkSplit, Collection<NexmarkSplit>> restoreEnumerator(
            SplitEnumeratorContext<NexmarkSplit> context, Collection<NexmarkSplit> remaining) {
        return new IteratorSourceEnumerator<>(context, remaining);
    }

    @Override
    public SourceReader<RowData, NexmarkSplit> createReader(SourceReaderContext context) {
        return new IteratorSourceReader<>(context);
    }

    @Override
    public SimpleVersionedSerializer<NexmarkSplit> getSplitSerializer() {
        return new NexmarkSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<NexmarkSplit>> getEnumeratorCheckpointSerializer() {
        return new NexmarkSplitsSerializer();
    }

    /** The kind's events in {@code parallelism} contiguous ranges of nearly equal length. */
    List<NexmarkSplit> splits(int parallelism) {
        long count = new EventNumbers(spec.config()).count(spec.kind());
        List<NexmarkSplit> splits = new ArrayList<>(parallelism);
        for (int i = 0; i < parallelism; i++) {
            splits.add(new NexmarkSplit(i, spec, count * i / parallelism, count * (i + 1) / parallelism));
        }
        return splits;
    }
}
