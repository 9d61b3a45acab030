package io.sluice.bench.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.Clock;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.JobControl;
import io.sluice.runtime.task.TaskContext;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CountingSinkTest {
    private static final Schema SCHEMA = new Schema(List.of(Field.nullable("price", new ArrowType.Int(64, true))));
    private static final JobControl RUNNING = new JobControl() {
        @Override
        public boolean isStopping() {
            return false;
        }

        @Override
        public void finishEarly() {
        }
    };

    private final BufferAllocator allocator = new RootAllocator();

    @BeforeEach
    void forgetEarlierRows() {
        SinkRows.reset();
    }

    @AfterEach
    void nothingLeaked() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void countsAppendedRowsAndChangelogRowsByKindAcrossTasks() {
        CountingSink sink = new CountingSink();
        try (Output first = sink.createOutput(context(0));
             Output second = sink.createOutput(context(1));
             VectorSchemaRoot appended = VectorSchemaRoot.create(SCHEMA, allocator);
             VectorSchemaRoot changes = VectorSchemaRoot.create(RowKinds.withRowKind(SCHEMA), allocator)) {
            appended.setRowCount(3);
            first.emit(appended);
            first.emit(appended);
            // +I 5, -U 5, +U 7, +I 9, -D 9: two rows remain
            RowKind[] kinds = {RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER, RowKind.INSERT,
                    RowKind.DELETE};
            long[] prices = {5, 5, 7, 9, 9};
            BigIntVector price = (BigIntVector) changes.getVector(0);
            TinyIntVector kind = RowKinds.of(changes);
            for (int row = 0; row < kinds.length; row++) {
                price.setSafe(row, prices[row]);
                RowKinds.set(kind, row, kinds[row]);
            }
            changes.setRowCount(kinds.length);
            second.emit(changes);
            assertEquals(RowCount.NONE, SinkRows.count(), "a task adds its counts when its input ends");
            first.finish();
            second.finish();
        }
        RowCount count = SinkRows.count();
        assertEquals(new RowCount(9, 2), count);
        assertEquals(7, count.finalRows());
        assertEquals(11, count.changes());
    }

    private TaskContext context(int task) {
        return new TaskContext("sink-" + task, task, 2, allocator, new QueryMetrics(), Clock.SYSTEM, RUNNING, 16);
    }
}
