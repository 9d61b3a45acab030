package io.sluice.runtime.connector.blackhole;

import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import java.util.concurrent.atomic.LongAdder;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Counts the rows written to it, over every job that writes to it, and drops them. */
public final class BlackholeSink implements Sink {
    private final LongAdder rows = new LongAdder();

    /** The rows every job has written to this sink so far. */
    public long rows() {
        return rows.sum();
    }

    @Override
    public Output createOutput(TaskContext context) {
        return new Output() {
            @Override
            public void emit(VectorSchemaRoot batch) {
                rows.add(batch.getRowCount());
            }

            @Override
            public void emitWatermark(long watermark) {
            }

            @Override
            public void finish() {
            }
        };
    }

    @Override
    public String describe() {
        return "blackhole()";
    }
}
