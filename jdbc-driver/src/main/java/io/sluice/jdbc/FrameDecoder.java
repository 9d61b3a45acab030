package io.sluice.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.proto.Common;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Reads the rows of a protobuf frame. Avatica's own reader asks protobuf, by reflection and for
 * every value, whether the value is a scalar or an array, which costs a thin client about a
 * quarter of its time on narrow rows. Sluice's columns are scalars, which the generated accessors
 * recognise directly; a frame with an array in it is read by Avatica.
 */
final class FrameDecoder {
    private FrameDecoder() {
    }

    static Meta.Frame decode(Common.Frame frame) {
        List<Object> rows = new ArrayList<>(frame.getRowsCount());
        for (Common.Row row : frame.getRowsList()) {
            Object[] values = new Object[row.getValueCount()];
            for (int i = 0; i < values.length; i++) {
                Common.ColumnValue column = row.getValue(i);
                if (!column.hasScalarValue()) {
                    return Meta.Frame.fromProto(frame);
                }
                values[i] = value(column.getScalarValue());
            }
            rows.add(Arrays.asList(values));
        }
        return new Meta.Frame(frame.getOffset(), frame.getDone(), rows);
    }

    /** As Avatica reads a value: bytes travel as bytes, everything else as TypedValue holds it. */
    private static Object value(Common.TypedValue value) {
        return switch (value.getType()) {
            case NULL -> null;
            case LONG, PRIMITIVE_LONG, NUMBER, JAVA_SQL_TIMESTAMP, JAVA_UTIL_DATE -> value.getNumberValue();
            case STRING -> value.getStringValue();
            case BYTE_STRING -> value.getBytesValue().toByteArray();
            default -> TypedValue.getSerialFromProto(value);
        };
    }
}
