package io.sluice.runtime.state;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TypeLayout;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.types.pojo.Schema;

/** Reads what a {@link StateWriter} wrote, in the same order. */
public final class StateReader {
    private final DataInputStream in;

    public StateReader(InputStream in) {
        this.in = new DataInputStream(in);
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
        int[] values = new int[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    public long[] readLongs() throws IOException {
        long[] values = new long[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    public double[] readDoubles() throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    public boolean[] readBooleans() throws IOException {
        boolean[] values = new boolean[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readBoolean();
        }
        return values;
    }

    /** A batch {@link StateWriter#writeBatch} wrote, its buffers in {@code allocator}; the caller closes it. */
    public VectorSchemaRoot readBatch(BufferAllocator allocator) throws IOException {
        Schema schema = Schema.fromJSON(new String(readBytes(), StandardCharsets.UTF_8));
        int rows = in.readInt();
        VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator);
        try {
            for (FieldVector vector : batch.getFieldVectors()) {
                int valueCount = in.readInt();
                int nullCount = in.readInt();
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
        StateValueTag tag = StateValueTag.values()[in.readByte()];
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
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(readValue());
                }
                yield list;
            }
        };
    }

    private byte[] readBytes() throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
