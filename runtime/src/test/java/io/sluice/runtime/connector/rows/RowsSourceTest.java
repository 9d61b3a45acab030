package io.sluice.runtime.connector.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.testing.TestTasks;
import io.sluice.runtime.vector.ColumnTypes;
import io.sluice.runtime.vector.VectorValues;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** The VALUES source replays: a reader restored from another's position reads on from there. */
class RowsSourceTest {
    private static final Schema SCHEMA = new Schema(List.of(Field.nullable("v", ColumnTypes.INT)));

    @Test
    void aRestoredReaderGoesOnWhereTheSnapshotWas() throws Exception {
        RowsSource source = new RowsSource(List.of(List.of(1), List.of(2), List.of(3), List.of(4), List.of(5)));
        assertTrue(source.canReplay());
        try (RootAllocator allocator = new RootAllocator();
             VectorSchemaRoot batch = VectorSchemaRoot.create(SCHEMA, allocator)) {
            TaskContext context = TestTasks.context(allocator, new QueryMetrics(), 0, 1, 2);
            byte[] position;
            try (SourceReader reader = source.createReader(context, ReadMode.STREAM)) {
                assertEquals(List.of(1, 2), read(reader, batch));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (StateWriter writer = new StateWriter(bytes)) {
                    ((Checkpointed) reader).snapshotState(1, writer);
                }
                position = bytes.toByteArray();
                assertEquals(List.of(3, 4), read(reader, batch));
            }
            try (SourceReader restored = source.createReader(context, ReadMode.STREAM)) {
                ((Checkpointed) restored).restoreState(new StateReader(new ByteArrayInputStream(position)));
                assertEquals(List.of(3, 4), read(restored, batch));
                assertEquals(List.of(5), read(restored, batch));
                assertEquals(SourceReader.END, restored.read(batch));
            }
        }
    }

    private static List<Object> read(SourceReader reader, VectorSchemaRoot batch) {
        int rows = reader.read(batch);
        List<Object> values = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            values.add(VectorValues.get(batch.getVector(0), row));
        }
        return values;
    }
}
