package io.sluice.bench.flink;

import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Writes a split as its id, its range and its table spec. */
final class NexmarkSplitSerializer implements SimpleVersionedSerializer<NexmarkSplit> {
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(NexmarkSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public NexmarkSplit deserialize(int version, byte[] serialized) throws IOException {
        checkVersion(version);
        return read(new DataInputDeserializer(serialized));
    }

    static void write(NexmarkSplit split, DataOutputSerializer out) throws IOException {
        out.writeInt(split.id());
        out.writeLong(split.from());
        out.writeLong(split.to());
        split.spec().write(out);
    }

    static NexmarkSplit read(DataInputDeserializer in) throws IOException {
        int id = in.readInt();
        long from = in.readLong();
        long to = in.readLong();
        return new NexmarkSplit(id, NexmarkTableSpec.read(in), from, to);
    }

    static void checkVersion(int version) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown version " + version + " of a serialized Nexmark split");
        }
    }
}
