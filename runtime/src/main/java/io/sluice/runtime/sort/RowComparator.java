package io.sluice.runtime.sort;

import java.util.List;
import org.apache.arrow.memory.util.ArrowBufPointer;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import io.sluice.runtime.vector.Vectors;

/**
 * Compares rows of two batches of the same columns by a sort order, reading the vectors' buffers
 * with one comparison per column kind, chosen once: no values are boxed. Strings compare by their
 * UTF-8 bytes, which is the order of their code points.
 */
public final class RowComparator {
    private final int[] columns;
    private final ColumnOrder[] orders;
    private final boolean[] descending;
    private final boolean[] nullsFirst;

    public RowComparator(Schema schema, List<SortField> fields) {
        int n = fields.size();
        this.columns = new int[n];
        this.orders = new ColumnOrder[n];
        this.descending = new boolean[n];
        this.nullsFirst = new boolean[n];
        for (int i = 0; i < n; i++) {
            SortField field = fields.get(i);
            columns[i] = field.column();
            orders[i] = orderOf(schema.getFields().get(field.column()).getType());
            descending[i] = field.descending();
            nullsFirst[i] = field.nullsFirst();
        }
    }

    /** The order of every column of the schema, ascending: rows compare equal only when all their values are equal. */
    public static RowComparator allColumns(Schema schema, int width) {
        List<SortField> fields = new java.util.ArrayList<>();
        for (int i = 0; i < width; i++) {
            fields.add(new SortField(i, false, false));
        }
        return new RowComparator(schema, fields);
    }

    /** Negative, zero or positive as row {@code leftRow} of {@code left} sorts before, with or after row {@code rightRow} of {@code right}. */
    public int compare(VectorSchemaRoot left, int leftRow, VectorSchemaRoot right, int rightRow) {
        for (int i = 0; i < columns.length; i++) {
            FieldVector a = left.getVector(columns[i]);
            FieldVector b = right.getVector(columns[i]);
            boolean aNull = a.isNull(leftRow);
            boolean bNull = b.isNull(rightRow);
            if (aNull || bNull) {
                if (aNull && bNull) {
                    continue;
                }
                return aNull == nullsFirst[i] ? -1 : 1;
            }
            int c = orders[i].compare(a, leftRow, b, rightRow);
            if (c != 0) {
                return descending[i] ? -c : c;
            }
        }
        return 0;
    }

    /** How two non-null values of one column kind compare. */
    private interface ColumnOrder {
        int compare(FieldVector left, int leftRow, FieldVector right, int rightRow);
    }

    private static ColumnOrder orderOf(ArrowType type) {
        if (type instanceof ArrowType.Int integer) {
            return integral(integer.getBitWidth() / 8);
        }
        if (type instanceof ArrowType.Timestamp || type instanceof ArrowType.Duration) {
            return integral(8);
        }
        if (type instanceof ArrowType.Date || type instanceof ArrowType.Time || type instanceof ArrowType.Interval) {
            return integral(4);
        }
        if (type instanceof ArrowType.FloatingPoint floating) {
            return switch (floating.getPrecision()) {
                case SINGLE -> (a, i, b, j) -> Float.compare(((Float4Vector) a).get(i), ((Float4Vector) b).get(j));
                default -> (a, i, b, j) -> Double.compare(((Float8Vector) a).get(i), ((Float8Vector) b).get(j));
            };
        }
        if (type instanceof ArrowType.Bool) {
            return (a, i, b, j) -> Integer.compare(((BitVector) a).get(i), ((BitVector) b).get(j));
        }
        if (type instanceof ArrowType.Decimal) {
            return (a, i, b, j) -> ((DecimalVector) a).getObject(i).compareTo(((DecimalVector) b).getObject(j));
        }
        if (type instanceof ArrowType.Utf8) {
            return (a, i, b, j) -> {
                ArrowBufPointer left = ((VarCharVector) a).getDataPointer(i);
                ArrowBufPointer right = ((VarCharVector) b).getDataPointer(j);
                return left.compareTo(right);
            };
        }
        throw new IllegalArgumentException("cannot sort by a column of type " + type);
    }

    private static ColumnOrder integral(int width) {
        return (a, i, b, j) -> Long.compare(
                Vectors.getIntegral(((BaseFixedWidthVector) a).getDataBufferAddress(), width, i),
                Vectors.getIntegral(((BaseFixedWidthVector) b).getDataBufferAddress(), width, j));
    }

    /** Sorts the row positions by the rows of {@code rows} they name, keeping equal rows in their order (a merge sort). */
    public void sort(VectorSchemaRoot rows, int[] positions) {
        mergeSort(rows, positions, new int[positions.length], 0, positions.length);
    }

    private void mergeSort(VectorSchemaRoot rows, int[] order, int[] scratch, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(rows, order, scratch, from, middle);
        mergeSort(rows, order, scratch, middle, to);
        if (compare(rows, order[middle - 1], rows, order[middle]) <= 0) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            if (right >= to || (left < middle && compare(rows, scratch[left], rows, scratch[right]) <= 0)) {
                order[i] = scratch[left++];
            } else {
                order[i] = scratch[right++];
            }
        }
    }
}
