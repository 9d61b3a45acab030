package io.sluice.runtime.state;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes a state snapshot: primitive arrays and Arrow batches as they are, and the few object values accumulators keep, tagged by type. {@link StateReader} reads
 * what this writes, in the same order.
 */
public final class StateWriter implements AutoCloseable {
    private final DataOutputStream out;

    public StateWriter(OutputStream out) {
        this.out = new DataOutputStream(out);
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
        for (int i = 0; i < count; i++) {
            out.writeInt(values[i]);
        }
    }

    public void writeLongs(long[] values, int count) throws IOException {
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeLong(values[i]);
        }
    }

    public void writeDoubles(double[] values, int count) throws IOException {
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeDouble(values[i]);
        }
    }

    public void writeBooleans(boolean[] values, int count) throws IOException {
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeBoolean(values[i]);
        }
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
