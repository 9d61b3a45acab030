package io.sluice.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.Clock;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.job.Job;
import io.sluice.runtime.job.JobSpec;
import io.sluice.runtime.job.PipelineOutput;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.vector.VectorValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a planned query as a job and collects its rows as text ({@code 1|ann|NULL}, values in the
 * runtime's representations: timestamps as epoch milliseconds). Checks that the job freed all
 * its memory.
 */
final class QueryRunner {
    private static final long TIMEOUT_SECONDS = 60;

    private QueryRunner() {
    }

    static List<String> run(PlannedQuery query, int parallelism, Clock clock) throws Exception {
        return run(query, parallelism, clock, batch -> {
        });
    }

    /** Like {@link #run(PlannedQuery, int, Clock)}, showing each batch the sink receives to {@code inspector} first. */
    static List<String> run(PlannedQuery query, int parallelism, Clock clock, Consumer<VectorSchemaRoot> inspector)
            throws Exception {
        List<String> rows = Collections.synchronizedList(new ArrayList<>());
        PipelineOutput.ToSink sink = new PipelineOutput.ToSink("test rows", context -> new Output() {
            @Override
            public void emit(VectorSchemaRoot batch) {
                inspector.accept(batch);
                for (int row = 0; row < batch.getRowCount(); row++) {
                    StringJoiner text = new StringJoiner("|");
                    for (FieldVector vector : batch.getFieldVectors()) {
                        Object value = VectorValues.get(vector, row);
                        text.add(value == null ? "NULL" : value.toString());
                    }
                    rows.add(text.toString());
                }
            }

            @Override
            public void emitWatermark(long watermark) {
            }

            @Override
            public void finish() {
            }
        });
        JobSpec spec = query.jobSpec("test", io.sluice.planner.physical.JobOptions.of(parallelism), sink, true);
        try (BufferAllocator root = new RootAllocator()) {
            BufferAllocator allocator = root.newChildAllocator("query", 0, Long.MAX_VALUE);
            Job job = new Job(spec, allocator, new QueryMetrics(), clock, 1024);
            job.start();
            job.completion().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            SluiceException failure = job.failure();
            allocator.close();
            assertEquals(0, root.getAllocatedMemory(), "memory left after the query");
            if (failure != null) {
                throw failure;
            }
        }
        return rows;
    }
}
