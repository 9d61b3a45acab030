package io.sluice.runtime.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.Clock;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.exchange.ExchangeSpec;
import io.sluice.runtime.exchange.Partitioning;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.WatermarkStrategy;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.ColumnTypes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * Two source tasks feed one consumer, whose watermark is the smaller of theirs. Task 1 never has
 * a row: without an idle timeout it holds the watermark back for ever; with one, once it has been
 * idle that long, the consumer follows task 0 alone. The clock advances a second at each reading,
 * so idleness comes from the tasks' own polling, without waiting in the test.
 */
class IdleSourceTest {
    private static final Schema SCHEMA = new Schema(List.of(Field.nullable("ts", ColumnTypes.TIMESTAMP)));
    private static final long ROW_TIME = 42_000;

    @Test
    void anIdleTaskStopsHoldingTheWatermarkBackAfterTheTimeout() throws Exception {
        assertEquals(List.of(ROW_TIME), watermarks(Optional.of(Duration.ofSeconds(5)), 1));
    }

    @Test
    void withoutATimeoutAnEmptyTaskHoldsTheWatermarkBack() throws Exception {
        assertEquals(List.of(), watermarks(Optional.empty(), 0));
    }

    /** The watermarks the consumer passes on, waiting for {@code expected} of them at most a few seconds. */
    private static List<Long> watermarks(Optional<Duration> idleTimeout, int expected) throws Exception {
        BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
        PipelineSpec sources = new PipelineSpec("sources", 2, new PipelineInput.FromSource("t", new OneRowSource(),
                SCHEMA, ReadMode.STREAM, Optional.of(new WatermarkStrategy(0, 0)), idleTimeout), List.of(),
                new PipelineOutput.ToExchange(0, new Partitioning.Gather()));
        PipelineSpec consumer = new PipelineSpec("consumer", 1, new PipelineInput.FromExchange(0), List.of(),
                new PipelineOutput.ToSink("watermarks", context -> new Output() {
                    @Override
                    public void emit(VectorSchemaRoot batch) {
                    }

                    @Override
                    public void emitWatermark(long watermark) {
                        seen.add(watermark);
                    }

                    @Override
                    public void finish() {
                    }
                }));
        JobSpec spec = new JobSpec("idle", List.of(sources, consumer), List.of(new ExchangeSpec(0, 2, 1, 4)));
        try (RootAllocator root = new RootAllocator()) {
            BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
            Job job = new Job(spec, query, new QueryMetrics(), new TickingClock(), 16);
            job.start();
            List<Long> watermarks = new java.util.ArrayList<>();
            for (int i = 0; i < expected; i++) {
                Long watermark = seen.poll(10, TimeUnit.SECONDS);
                assertTrue(watermark != null, "no watermark came");
                watermarks.add(watermark);
            }
            // Long enough for task 1 to be polled far past the timeout, had it been set.
            Long extra = seen.poll(expected == 0 ? 1 : 0, TimeUnit.SECONDS);
            if (extra != null) {
                watermarks.add(extra);
            }
            job.cancel();
            job.completion().get(10, TimeUnit.SECONDS);
            query.close();
            return watermarks;
        }
    }

    /** Task 0 reads one row at {@link #ROW_TIME}, then nothing; task 1 never reads anything. */
    private static final class OneRowSource implements Source {
        @Override
        public boolean isBounded() {
            return false;
        }

        @Override
        public SourceReader createReader(TaskContext context, ReadMode mode) {
            return new SourceReader() {
                private boolean read = context.taskIndex() != 0;

                @Override
                public int read(VectorSchemaRoot batch) {
                    if (read) {
                        Thread.onSpinWait();
                        return 0;
                    }
                    read = true;
                    ((TimeStampMilliVector) batch.getVector(0)).setSafe(0, ROW_TIME);
                    batch.setRowCount(1);
                    return 1;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public String describe() {
            return "one row";
        }
    }

    /** A clock a second further on at each reading. */
    private static final class TickingClock implements Clock {
        private final AtomicLong now = new AtomicLong();

        @Override
        public long millis() {
            return now.addAndGet(1000);
        }

        @Override
        public long nanos() {
            return millis() * 1_000_000;
        }

        @Override
        public void sleepUntil(long deadlineMillis) {
        }
    }
}
