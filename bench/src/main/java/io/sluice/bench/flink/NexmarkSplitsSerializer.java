package io.sluice.bench.flink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Writes the enumerator's state: the splits not yet handed out. */
final class NexmarkSplitsSerializer implements SimpleVersionedSerializer<Collection<NexmarkSplit>> {
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(Collection<NexmarkSplit> splits) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64 + 128 * splits.size());
        out.writeInt(splits.size());
        for (NexmarkSplit split : splits) {
            NexmarkSplitSerializer.write(split, out);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public Collection<NexmarkSplit> deserialize(int version, byte[] serialized) throws IOException {
        NexmarkSplitSerializer.checkVersion(version);
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int count = in.readInt();
        List<NexmarkSplit> splits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            splits.add(NexmarkSplitSerializer.read(in));
        }
        return splits;
    }
}
