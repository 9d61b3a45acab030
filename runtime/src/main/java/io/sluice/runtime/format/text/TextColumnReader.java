package io.sluice.runtime.format.text;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.format.RecordBuffer;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads the values of a batch's columns as UTF-8 text, the part of encoding that every text
 * format shares, and the inverse of {@link TextColumnWriter}: numbers as Java prints them,
 * booleans as {@code true}/{@code false}, TIMESTAMPs as {@code yyyy-MM-dd HH:mm:ss.SSS} (with a
 * {@code T} in ISO-8601 form), DATEs as {@code yyyy-MM-dd}, TIMEs as {@code HH:mm:ss.SSS}, VARCHARs as
 * their bytes. Used by one
 * thread; it allocates nothing per value except for DECIMALs and floating-point numbers.
 */
public final class TextColumnReader {
    private final ColumnKind[] kinds;
    private final TimestampFormat timestampFormat;
    private final StringBuilder scratch = new StringBuilder(32);
    private VectorSchemaRoot bound;
    private FieldVector[] vectors;

    public TextColumnReader(List<ColumnKind> kinds, TimestampFormat timestampFormat) {
        this.kinds = requireNonNull(kinds, "kinds is null").toArray(new ColumnKind[0]);
        this.timestampFormat = requireNonNull(timestampFormat, "timestampFormat is null");
    }

    /** Reads from this batch from now on; cheap when it is the batch already bound. */
    public void bind(VectorSchemaRoot batch) {
        if (batch != bound) {
            if (batch.getFieldVectors().size() != kinds.length) {
                throw new IllegalArgumentException("batch has " + batch.getFieldVectors().size() + " columns, expected "
                        + kinds.length);
            }
            bound = batch;
            vectors = batch.getFieldVectors().toArray(new FieldVector[0]);
        }
    }

    public int columnCount() {
        return kinds.length;
    }

    public ColumnKind kind(int column) {
        return kinds[column];
    }

    public boolean isNull(int column, int row) {
        return vectors[column].isNull(row);
    }

    /** Appends the text of a value that is not null. */
    public void append(int column, int row, RecordBuffer out) {
        FieldVector vector = vectors[column];
        switch (kinds[column]) {
            case VARCHAR -> appendBytes((VarCharVector) vector, row, out);
            case BOOLEAN -> out.appendAscii(((BitVector) vector).get(row) != 0 ? "true" : "false");
            case TINYINT -> out.appendLong(((TinyIntVector) vector).get(row));
            case SMALLINT -> out.appendLong(((SmallIntVector) vector).get(row));
            case INT -> out.appendLong(((IntVector) vector).get(row));
            case BIGINT -> out.appendLong(((BigIntVector) vector).get(row));
            case FLOAT -> out.appendAscii(Float.toString(((Float4Vector) vector).get(row)));
            case DOUBLE -> out.appendAscii(Double.toString(((Float8Vector) vector).get(row)));
            case DECIMAL -> out.appendAscii(((DecimalVector) vector).getObject(row).toPlainString());
            case TIMESTAMP -> {
                scratch.setLength(0);
                TimestampFormatter.appendTimestamp(scratch, ((TimeStampMilliVector) vector).get(row));
                if (timestampFormat == TimestampFormat.ISO_8601) {
                    scratch.setCharAt(scratch.indexOf(" "), 'T');
                }
                out.appendAscii(scratch);
            }
            case DATE -> {
                scratch.setLength(0);
                out.appendAscii(TimestampFormatter.appendDate(scratch, ((DateDayVector) vector).get(row)));
            }
            case TIME -> {
                scratch.setLength(0);
                out.appendAscii(TimestampFormatter.appendTime(scratch, ((TimeMilliVector) vector).get(row)));
            }
        }
    }

    private static void appendBytes(VarCharVector vector, int row, RecordBuffer out) {
        ArrowBuf offsets = vector.getOffsetBuffer();
        int start = offsets.getInt((long) row * VarCharVector.OFFSET_WIDTH);
        int end = offsets.getInt((long) (row + 1) * VarCharVector.OFFSET_WIDTH);
        int length = end - start;
        int at = out.reserve(length);
        vector.getDataBuffer().getBytes(start, out.bytes(), at, length);
        out.advance(length);
    }
}
