package io.sluice.runtime.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.Clock;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.ColumnTypes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * A task that runs out of heap (an {@link OutOfMemoryError} from inside its work, after it has
 * filled a batch) fails its query with SQLState 53200, not as an internal error, and the job
 * frees every buffer it held.
 */
class OutOfMemoryTaskTest {
    private static final Schema SCHEMA = new Schema(List.of(Field.nullable("ts", ColumnTypes.TIMESTAMP)));

    @Test
    void outOfHeapFailsTheQueryWith53200AndFreesItsMemory() throws Exception {
        PipelineSpec pipeline = new PipelineSpec("source", 2, new PipelineInput.FromSource("t", new HeapEatingSource(),
                SCHEMA, ReadMode.SNAPSHOT, Optional.empty(), Optional.empty()), List.of(),
                new PipelineOutput.ToSink("nothing", context -> new Output() {
                    @Override
                    public void emit(VectorSchemaRoot batch) {
                    }

                    @Override
                    public void emitWatermark(long watermark) {
                    }

                    @Override
                    public void finish() {
                    }
                }));
        try (RootAllocator root = new RootAllocator()) {
            BufferAllocator query = root.newChildAllocator("query", 0, 64L << 20);
            Job job = new Job(new JobSpec("oom", List.of(pipeline), List.of()), query, new QueryMetrics(), Clock.SYSTEM, 16);
            job.start();
            assertEquals(JobState.FAILED, job.completion().get(10, TimeUnit.SECONDS));
            SluiceException failure = job.failure();
            assertEquals("53200", failure.sqlState(), failure.getMessage());
            assertTrue(failure.getMessage().contains("ran out of memory"), failure.getMessage());
            assertEquals(0, query.getAllocatedMemory());
            query.close();
        }
    }

    /** Fills a batch, then fails as a heap allocation would. */
    private static final class HeapEatingSource implements Source {
        @Override
        public boolean isBounded() {
            return true;
        }

        @Override
        public SourceReader createReader(TaskContext context, ReadMode mode) {
            return new SourceReader() {
                @Override
                public int read(VectorSchemaRoot batch) {
                    TimeStampMilliVector times = (TimeStampMilliVector) batch.getVector(0);
                    for (int row = 0; row < 16; row++) {
                        times.setSafe(row, row);
                    }
                    batch.setRowCount(16);
                    throw new OutOfMemoryError("Java heap space");
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public String describe() {
            return "heap eater";
        }
    }
}
