package io.sluice.runtime.testing;

import io.sluice.runtime.format.text.TimestampFormatter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Rows of a root as text, {@code a|b|NULL}, for assertions against hand-written expectations. */
public final class Rows {
    private Rows() {
    }

    public static List<String> of(VectorSchemaRoot root) {
        List<String> rows = new ArrayList<>();
        for (int row = 0; row < root.getRowCount(); row++) {
            rows.add(row(root, row));
        }
        return rows;
    }

    public static String row(VectorSchemaRoot root, int row) {
        StringJoiner text = new StringJoiner("|");
        for (FieldVector vector : root.getFieldVectors()) {
            text.add(value(vector, row));
        }
        return text.toString();
    }

    public static String value(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return "NULL";
        }
        if (vector instanceof TimeStampMilliVector timestamps) {
            return TimestampFormatter.format(timestamps.get(row));
        }
        if (vector instanceof DateDayVector dates) {
            return TimestampFormatter.formatDate(dates.get(row));
        }
        if (vector instanceof VarCharVector strings) {
            return new String(strings.get(row), StandardCharsets.UTF_8);
        }
        return String.valueOf(vector.getObject(row));
    }
}
