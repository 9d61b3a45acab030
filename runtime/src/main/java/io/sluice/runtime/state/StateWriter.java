package io.sluice.runtime.state;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes a state snapshot: primitive arrays and Arrow batches as they are, and the few object
 * values accumulators keep, tagged by type. {@link StateReader} reads what this writes, in the
 * same order. A checksum of what is written lets a reader tell a damaged snapshot.
 */
public final class StateWriter implements AutoCloseable {
    /** Arrays go through a buffer of this many bytes, laid out as {@link DataOutputStream} writes single values. */
    static final int CHUNK = 8192;

    private final CRC32 checksum = new CRC32();
    private final DataOutputStream out;
    private final byte[] chunkBytes = new byte[CHUNK];
    private final ByteBuffer chunk = ByteBuffer.wrap(chunkBytes);

    public StateWriter(OutputStream out) {
        this.out = new DataOutputStream(new CheckedOutputStream(out, checksum));
    }

    public void writeInt(int value) throws IOException {
        out.writeInt(value);
    }

    public void writeLong(long value) throws IOException {
        out.writeLong(value);
    }

    public void writeBoolean(boolean value) throws IOException {
        out.writeBoolean(value);
    }

    public void writeInts(int[] values, int count) throws IOException {
        out.writeInt(count);
        for (int from = 0; from < count; from += CHUNK / Integer.BYTES) {
            int n = Math.min(count - from, CHUNK / Integer.BYTES);
            chunk.clear();
            chunk.asIntBuffer().put(values, from, n);
            out.write(chunkBytes, 0, n * Integer.BYTES);
        }
    }

    public void writeLongs(long[] values, int count) throws IOException {
        out.writeInt(count);
        for (int from = 0; from < count; from += CHUNK / Long.BYTES) {
            int n = Math.min(count - from, CHUNK / Long.BYTES);
            chunk.clear();
            chunk.asLongBuffer().put(values, from, n);
            out.write(chunkBytes, 0, n * Long.BYTES);
        }
    }

    public void writeDoubles(double[] values, int count) throws IOException {
        out.writeInt(count);
        for (int from = 0; from < count; from += CHUNK / Double.BYTES) {
            int n = Math.min(count - from, CHUNK / Double.BYTES);
            chunk.clear();
            chunk.asDoubleBuffer().put(values, from, n);
            out.write(chunkBytes, 0, n * Double.BYTES);
        }
    }

    public void writeBooleans(boolean[] values, int count) throws IOException {
        out.writeInt(count);
        for (int from = 0; from < count; from += CHUNK) {
            int n = Math.min(count - from, CHUNK);
            for (int i = 0; i < n; i++) {
                chunkBytes[i] = (byte) (values[from + i] ? 1 : 0);
            }
            out.write(chunkBytes, 0, n);
        }
    }

    /**
     * Starts a checksum of what is written from now on (see {@link #checksum}), ending any started
     * before: each {@link OperatorSnapshot} starts one, so a checksum over several snapshots is for
     * the caller to keep around the stream.
     */
    public void startChecksum() {
        checksum.reset();
    }

    /** The CRC-32 of what was written since {@link #startChecksum}, for a reader to compare with its own. */
    public long checksum() {
        return checksum.getValue();
    }

    /**
     * A batch: its schema (as JSON) and each column's Arrow buffers as they are. Arrow's IPC
     * writer would need the JVM opened for direct buffers, which an embedding application should
     * not have to do; columns of state are flat, so their buffers say everything.
     */
    public void writeBatch(VectorSchemaRoot batch) throws IOException {
        writeBytes(batch.getSchema().toJson().getBytes(StandardCharsets.UTF_8));
        writeRows(batch);
    }

    /**
     * A batch without its schema, for a reader that knows it ({@link StateReader#readRows}): the
     * compact form for the many batches of one operator, whose schema its plan gives.
     */
    public void writeRows(VectorSchemaRoot batch) throws IOException {
        out.writeInt(batch.getRowCount());
        for (FieldVector vector : batch.getFieldVectors()) {
            if (!vector.getChildrenFromFields().isEmpty()) {
                throw new IllegalArgumentException("state cannot hold the nested column " + vector.getName());
            }
            out.writeInt(vector.getValueCount());
            out.writeInt(vector.getNullCount());
            for (ArrowBuf buffer : vector.getFieldBuffers()) {
                long length = buffer.readableBytes();
                byte[] bytes = new byte[Math.toIntExact(length)];
                buffer.getBytes(0, bytes);
                writeBytes(bytes);
            }
        }
    }

    /** A string, as UTF-8. */
    public void writeString(String value) throws IOException {
        writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A value of a type state holds: null, Boolean, Integer, Long, Float, Double, BigDecimal,
     * String, byte[], or a list of those.
     */
    public void writeValue(Object value) throws IOException {
        StateValueTag tag = StateValueTag.of(value);
        out.writeByte(tag.ordinal());
        switch (tag) {
            case NULL -> {
            }
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case INT -> out.writeInt((Integer) value);
            case LONG -> out.writeLong((Long) value);
            case FLOAT -> out.writeFloat((Float) value);
            case DOUBLE -> out.writeDouble((Double) value);
            case DECIMAL -> {
                BigDecimal decimal = (BigDecimal) value;
                out.writeInt(decimal.scale());
                writeBytes(decimal.unscaledValue().toByteArray());
            }
            case STRING -> writeBytes(((String) value).getBytes(StandardCharsets.UTF_8));
            case BYTES -> writeBytes((byte[]) value);
            case LIST -> {
                java.util.List<?> list = (java.util.List<?>) value;
                out.writeInt(list.size());
                for (Object element : list) {
                    writeValue(element);
                }
            }
        }
    }

    private void writeBytes(byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
