package io.sluice.runtime.format.text;

import io.sluice.runtime.changelog.RowKinds;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Writes values given as UTF-8 text into the columns of one root, parsing each by its column's
 * type: the part of decoding that every text format (CSV, JSON, Kafka's) shares. Used by one
 * thread; it allocates nothing per value except for DECIMALs wider than
 * {@link DecimalParser#MAX_LONG_PRECISION} digits and numbers that leave the parsers' fast paths.
 *
 * <p>Every write sets the row's validity explicitly, because the root is reused across batches
 * and a row may hold an earlier value.
 */
public final class TextColumnWriter {
    /** Longest piece of a bad value quoted in a reason. */
    private static final int QUOTED_LENGTH = 40;
    private static final byte[] EMPTY = new byte[0];

    private final FieldVector[] vectors;
    private final ColumnKind[] kinds;
    private final String[] names;
    private final boolean[] nullable;
    private final DecimalParser[] decimals;
    private final TimestampFormat timestampFormat;

    /**
     * @param target          the root to write into
     * @param kinds           the kind of each of its columns, from {@link ColumnKind#of}
     * @param timestampFormat the form TIMESTAMP values take
     */
    public TextColumnWriter(VectorSchemaRoot target, List<ColumnKind> kinds, TimestampFormat timestampFormat) {
        requireNonNull(target, "target is null");
        requireNonNull(kinds, "kinds is null");
        this.timestampFormat = requireNonNull(timestampFormat, "timestampFormat is null");
        List<FieldVector> columns = target.getFieldVectors();
        if (RowKinds.carried(target)) {
            // a changelog's row kind is not a column of its records: its reader sets it
            columns = columns.subList(0, columns.size() - 1);
        }
        if (columns.size() != kinds.size()) {
            throw new IllegalArgumentException("target has " + columns.size() + " columns, kinds " + kinds.size());
        }
        int count = columns.size();
        this.vectors = columns.toArray(new FieldVector[0]);
        this.kinds = kinds.toArray(new ColumnKind[0]);
        this.names = new String[count];
        this.nullable = new boolean[count];
        this.decimals = new DecimalParser[count];
        for (int c = 0; c < count; c++) {
            Field field = vectors[c].getField();
            names[c] = field.getName();
            nullable[c] = field.isNullable();
            if (this.kinds[c] == ColumnKind.DECIMAL) {
                ArrowType.Decimal type = (ArrowType.Decimal) field.getType();
                decimals[c] = new DecimalParser(type.getPrecision(), type.getScale());
            }
        }
    }

    public int columnCount() {
        return vectors.length;
    }

    public String columnName(int column) {
        return names[column];
    }

    public ColumnKind kind(int column) {
        return kinds[column];
    }

    /** False for a NOT NULL column. */
    public boolean isNullable(int column) {
        return nullable[column];
    }

    /**
     * Writes the value in {@code bytes[offset, offset + length)} into row {@code row} of a column:
     * a VARCHAR gets the bytes as they are if they are well-formed UTF-8 (else the value is
     * malformed: text is never stored with bytes replaced); other types are parsed, ignoring
     * blanks around them.
     *
     * @return null, or why the value cannot be read, e.g. {@code column 'v': 'abc' is not a valid INT}
     */
    public String write(int column, int row, byte[] bytes, int offset, int length) {
        FieldVector vector = vectors[column];
        try {
            switch (kinds[column]) {
                case VARCHAR -> {
                    int malformed = Utf8Check.firstMalformed(bytes, offset, length);
                    if (malformed >= 0) {
                        return "column '" + names[column] + "': not valid UTF-8 (byte "
                                + String.format("0x%02X", bytes[offset + malformed] & 0xFF) + " at offset " + malformed
                                + " of the value)";
                    }
                    ((VarCharVector) vector).setSafe(row, bytes, offset, length);
                }
                case BOOLEAN -> ((BitVector) vector).setSafe(row, BooleanParser.parse(bytes, offset, length) ? 1 : 0);
                case TINYINT -> ((TinyIntVector) vector).setSafe(row,
                        (byte) IntegerParser.parse(bytes, offset, length, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT"));
                case SMALLINT -> ((SmallIntVector) vector).setSafe(row,
                        (short) IntegerParser.parse(bytes, offset, length, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT"));
                case INT -> ((IntVector) vector).setSafe(row,
                        (int) IntegerParser.parse(bytes, offset, length, Integer.MIN_VALUE, Integer.MAX_VALUE, "INT"));
                case BIGINT -> ((BigIntVector) vector).setSafe(row,
                        IntegerParser.parse(bytes, offset, length, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT"));
                case FLOAT -> ((Float4Vector) vector).setSafe(row, FloatingPointParser.parseFloat(bytes, offset, length));
                case DOUBLE -> ((Float8Vector) vector).setSafe(row, FloatingPointParser.parseDouble(bytes, offset, length));
                case DECIMAL -> writeDecimal((DecimalVector) vector, decimals[column], row, bytes, offset, length);
                case TIMESTAMP -> ((TimeStampMilliVector) vector).setSafe(row,
                        DateTimeParser.parseTimestamp(bytes, offset, length, timestampFormat));
                case DATE -> ((DateDayVector) vector).setSafe(row, DateTimeParser.parseDate(bytes, offset, length));
                case TIME -> ((TimeMilliVector) vector).setSafe(row, DateTimeParser.parseTime(bytes, offset, length));
            }
            return null;
        } catch (MalformedValueException e) {
            return "column '" + names[column] + "': '" + quote(bytes, offset, length) + "' " + e.getMessage();
        }
    }

    /**
     * Writes a TIMESTAMP column's value given as a whole number of milliseconds since the epoch,
     * as JSON may give it.
     *
     * @return null, or why the value cannot be read
     */
    public String writeEpochMillis(int column, int row, byte[] bytes, int offset, int length) {
        try {
            ((TimeStampMilliVector) vectors[column]).setSafe(row,
                    IntegerParser.parse(bytes, offset, length, Long.MIN_VALUE, Long.MAX_VALUE, "TIMESTAMP"));
            return null;
        } catch (MalformedValueException e) {
            return "column '" + names[column] + "': '" + quote(bytes, offset, length) + "' " + e.getMessage();
        }
    }

    /**
     * Sets row {@code row} of a column to NULL.
     *
     * @return null, or the reason if the column is NOT NULL
     */
    public String writeNull(int column, int row) {
        if (!nullable[column]) {
            return "column '" + names[column] + "' is NOT NULL but the value is null";
        }
        if (kinds[column] == ColumnKind.VARCHAR) {
            // An empty slot keeps the offsets right for the rows after it.
            ((VarCharVector) vectors[column]).setSafe(row, EMPTY, 0, 0);
        }
        vectors[column].setNull(row);
        return null;
    }

    private static void writeDecimal(DecimalVector vector, DecimalParser parser, int row, byte[] bytes, int offset,
            int length) {
        if (parser.fitsInLong()) {
            vector.setSafe(row, parser.parseUnscaled(bytes, offset, length));
        } else {
            vector.setSafe(row, parser.parse(bytes, offset, length));
        }
    }

    private static String quote(byte[] bytes, int offset, int length) {
        if (length <= QUOTED_LENGTH) {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        return new String(bytes, offset, QUOTED_LENGTH, StandardCharsets.UTF_8) + "…";
    }
}
