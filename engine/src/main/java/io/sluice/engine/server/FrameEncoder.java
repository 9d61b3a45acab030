package io.sluice.engine.server;

import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.proto.Common;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Writes a frame of rows as protobuf. Avatica's own writer sends every value twice, once as the
 * column's scalar value and once more in a list that only clients older than Avatica 1.5 read;
 * this writer sends each value once, as the scalar value every later client reads.
 */
final class FrameEncoder {
    private FrameEncoder() {
    }

    static Common.Frame encode(Meta.Frame frame) {
        Common.Frame.Builder builder = Common.Frame.newBuilder().setOffset(frame.offset).setDone(frame.done);
        Common.TypedValue.Builder value = Common.TypedValue.newBuilder();
        Common.ColumnValue.Builder column = Common.ColumnValue.newBuilder();
        Common.Row.Builder row = Common.Row.newBuilder();
        for (Object values : frame.rows) {
            row.clear();
            for (Object element : (Iterable<?>) values) {
                value.clear();
                TypedValue.toProto(value, element);
                row.addValue(column.clear().setScalarValue(value));
            }
            builder.addRows(row);
        }
        return builder.build();
    }
}
