package io.sluice.runtime.state;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TypeLayout;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.types.pojo.Schema;

/** Reads what a {@link StateWriter} wrote, in the same order. */
public final class StateReader {
    /** Arrays up to this many elements are allocated at once; larger ones grow as their elements are read. */
    private static final int TRUSTED_COUNT = 1 << 16;

    private final CRC32 checksum = new CRC32();
    private final DataInputStream in;
    private final byte[] chunkBytes = new byte[StateWriter.CHUNK];
    private final ByteBuffer chunk = ByteBuffer.wrap(chunkBytes);

    public StateReader(InputStream in) {
        // No buffer between the two: what is read is what the checksum sees, and nothing past it is
        // taken from the stream.
        this.in = new DataInputStream(new CheckedInputStream(in, checksum));
    }

    public int readInt() throws IOException {
        return in.readInt();
    }

    public long readLong() throws IOException {
        return in.readLong();
    }

    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    public int[] readInts() throws IOException {
        int count = readCount();
        int[] values = new int[Math.min(count, TRUSTED_COUNT)];
        for (int from = 0; from < count; from += StateWriter.CHUNK / Integer.BYTES) {
            int n = Math.min(count - from, StateWriter.CHUNK / Integer.BYTES);
            if (from + n > values.length) {
                values = Arrays.copyOf(values, grown(values.length, count));
            }
            readChunk(n * Integer.BYTES).asIntBuffer().get(values, from, n);
        }
        return values;
    }

    public long[] readLongs() throws IOException {
        int count = readCount();
        long[] values = new long[Math.min(count, TRUSTED_COUNT)];
        for (int from = 0; from < count; from += StateWriter.CHUNK / Long.BYTES) {
            int n = Math.min(count - from, StateWriter.CHUNK / Long.BYTES);
            if (from + n > values.length) {
                values = Arrays.copyOf(values, grown(values.length, count));
            }
            readChunk(n * Long.BYTES).asLongBuffer().get(values, from, n);
        }
        return values;
    }

    public double[] readDoubles() throws IOException {
        int count = readCount();
        double[] values = new double[Math.min(count, TRUSTED_COUNT)];
        for (int from = 0; from < count; from += StateWriter.CHUNK / Double.BYTES) {
            int n = Math.min(count - from, StateWriter.CHUNK / Double.BYTES);
            if (from + n > values.length) {
                values = Arrays.copyOf(values, grown(values.length, count));
            }
            readChunk(n * Double.BYTES).asDoubleBuffer().get(values, from, n);
        }
        return values;
    }

    public boolean[] readBooleans() throws IOException {
        int count = readCount();
        boolean[] values = new boolean[Math.min(count, TRUSTED_COUNT)];
        for (int from = 0; from < count; from += StateWriter.CHUNK) {
            int n = Math.min(count - from, StateWriter.CHUNK);
            if (from + n > values.length) {
                values = Arrays.copyOf(values, grown(values.length, count));
            }
            readChunk(n);
            for (int i = 0; i < n; i++) {
                values[from + i] = chunkBytes[i] != 0;
            }
        }
        return values;
    }

    /** The next {@code length} bytes, at most a chunk, in the chunk buffer. */
    private ByteBuffer readChunk(int length) throws IOException {
        in.readFully(chunkBytes, 0, length);
        chunk.clear();
        return chunk;
    }

    /** Starts a checksum of what is read from now on (see {@link #checksum}). */
    public void startChecksum() {
        checksum.reset();
    }

    /** The CRC-32 of what was read since {@link #startChecksum}: the writer's, unless the snapshot is damaged. */
    public long checksum() {
        return checksum.getValue();
    }

    /** A string {@link StateWriter#writeString} wrote. */
    public String readString() throws IOException {
        return new String(readBytes(), StandardCharsets.UTF_8);
    }

    /** A batch {@link StateWriter#writeBatch} wrote, its buffers in {@code allocator}; the caller closes it. */
    public VectorSchemaRoot readBatch(BufferAllocator allocator) throws IOException {
        return readRows(Schema.fromJSON(new String(readBytes(), StandardCharsets.UTF_8)), allocator);
    }

    /**
     * A batch {@link StateWriter#writeRows} wrote, of this schema, its buffers in {@code allocator};
     * the caller closes it. Each column is checked against the row count, so that a damaged count is
     * caught here; a batch without columns has nothing to check its count against.
     */
    public VectorSchemaRoot readRows(Schema schema, BufferAllocator allocator) throws IOException {
        int rows = readCount();
        VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator);
        try {
            for (FieldVector vector : batch.getFieldVectors()) {
                int valueCount = readCount();
                int nullCount = readCount();
                if (valueCount != rows || nullCount > valueCount) {
                    throw new IOException("state is corrupt: a column of " + valueCount + " values (" + nullCount
                            + " null) in a batch of " + rows + " rows");
                }
                int bufferCount = TypeLayout.getTypeBufferCount(vector.getField().getType());
                List<ArrowBuf> buffers = new ArrayList<>(bufferCount);
                try {
                    for (int i = 0; i < bufferCount; i++) {
                        byte[] bytes = readBytes();
                        ArrowBuf buffer = allocator.buffer(bytes.length);
                        buffers.add(buffer);
                        buffer.setBytes(0, bytes);
                        buffer.writerIndex(bytes.length);
                    }
                    vector.loadFieldBuffers(new ArrowFieldNode(valueCount, nullCount), buffers);
                    // buffers too short for the count, or offsets out of order, would be read past later
                    vector.validateFull();
                } finally {
                    // the vector keeps its own references to what it loaded
                    buffers.forEach(ArrowBuf::close);
                }
            }
            batch.setRowCount(rows);
            return batch;
        } catch (IOException | RuntimeException e) {
            batch.close();
            throw e;
        }
    }

    /** A value {@link StateWriter#writeValue} wrote. */
    public Object readValue() throws IOException {
        int code = in.readByte();
        if (code < 0 || code >= StateValueTag.values().length) {
            throw new IOException("state is corrupt: no value has the tag " + code);
        }
        StateValueTag tag = StateValueTag.values()[code];
        return switch (tag) {
            case NULL -> null;
            case BOOLEAN -> in.readBoolean();
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case FLOAT -> in.readFloat();
            case DOUBLE -> in.readDouble();
            case DECIMAL -> {
                int scale = in.readInt();
                yield new BigDecimal(new BigInteger(readBytes()), scale);
            }
            case STRING -> new String(readBytes(), StandardCharsets.UTF_8);
            case BYTES -> readBytes();
            case LIST -> {
                int size = readCount();
                List<Object> list = new ArrayList<>(Math.min(size, TRUSTED_COUNT));
                for (int i = 0; i < size; i++) {
                    list.add(readValue());
                }
                yield list;
            }
        };
    }

    private byte[] readBytes() throws IOException {
        int count = readCount();
        byte[] bytes = new byte[Math.min(count, TRUSTED_COUNT)];
        in.readFully(bytes);
        while (bytes.length < count) {
            int read = bytes.length;
            bytes = Arrays.copyOf(bytes, grown(read, count));
            in.readFully(bytes, read, bytes.length - read);
        }
        return bytes;
    }

    /**
     * A count written before what it counts. A corrupt one fails here rather than as an obscure
     * error later; a large one is trusted only as far as the data that follows bears it out
     * (arrays grow as they are read), so that damage cannot make the reader allocate gigabytes.
     */
    private int readCount() throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("state is corrupt: a count of " + count);
        }
        return count;
    }

    private static int grown(int length, int count) {
        return (int) Math.min(count, 2L * Math.max(length, 1));
    }
}
