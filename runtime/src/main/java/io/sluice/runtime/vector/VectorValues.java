package io.sluice.runtime.vector;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Single values in and out of vectors, in Sluice's representations (see {@link ColumnTypes}):
 * timestamps and day-time intervals as {@code Long} milliseconds, dates as {@code Integer} days,
 * times as {@code Integer} milliseconds of the day, year-month intervals as {@code Integer} months. For edges that handle few rows (literal rows,
 * results handed to clients); hot paths use buffers directly.
 */
public final class VectorValues {
    private VectorValues() {
    }

    /** Writes a value (or null) at a row, growing the vector as needed. */
    public static void set(FieldVector vector, int row, Object value) {
        if (value == null) {
            vector.setNull(row);
            return;
        }
        if (vector instanceof BitVector v) {
            v.setSafe(row, (Boolean) value ? 1 : 0);
        } else if (vector instanceof TinyIntVector v) {
            v.setSafe(row, ((Number) value).byteValue());
        } else if (vector instanceof SmallIntVector v) {
            v.setSafe(row, ((Number) value).shortValue());
        } else if (vector instanceof IntVector v) {
            v.setSafe(row, ((Number) value).intValue());
        } else if (vector instanceof BigIntVector v) {
            v.setSafe(row, ((Number) value).longValue());
        } else if (vector instanceof Float4Vector v) {
            v.setSafe(row, ((Number) value).floatValue());
        } else if (vector instanceof Float8Vector v) {
            v.setSafe(row, ((Number) value).doubleValue());
        } else if (vector instanceof DecimalVector v) {
            v.setSafe(row, ((BigDecimal) value).setScale(v.getScale(), java.math.RoundingMode.HALF_UP));
        } else if (vector instanceof VarCharVector v) {
            v.setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8));
        } else if (vector instanceof TimeStampMilliVector v) {
            v.setSafe(row, ((Number) value).longValue());
        } else if (vector instanceof DateDayVector v) {
            v.setSafe(row, ((Number) value).intValue());
        } else if (vector instanceof TimeMilliVector v) {
            v.setSafe(row, ((Number) value).intValue());
        } else if (vector instanceof DurationVector v) {
            v.setSafe(row, ((Number) value).longValue());
        } else if (vector instanceof IntervalYearVector v) {
            v.setSafe(row, ((Number) value).intValue());
        } else {
            throw new IllegalArgumentException("unsupported vector " + vector.getClass().getSimpleName());
        }
    }

    /** Reads a value (or null) at a row, in the representations {@link #set} takes. */
    public static Object get(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector instanceof BitVector v) {
            return v.get(row) != 0;
        } else if (vector instanceof TinyIntVector v) {
            return (int) v.get(row);
        } else if (vector instanceof SmallIntVector v) {
            return (int) v.get(row);
        } else if (vector instanceof VarCharVector v) {
            return new String(v.get(row), StandardCharsets.UTF_8);
        } else if (vector instanceof TimeStampMilliVector v) {
            return v.get(row);
        } else if (vector instanceof TimeMilliVector v) {
            return v.get(row);
        } else if (vector instanceof DurationVector v) {
            return DurationVector.get(v.getDataBuffer(), row);
        } else if (vector instanceof IntervalYearVector v) {
            return v.get(row);
        }
        return vector.getObject(row);
    }
}
