package io.sluice.bench;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.window.WindowAggregateOperatorFactory;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The window aggregation operator, planned by the real planner: COUNT(*), SUM and MAX of a
 * BIGINT grouped by a BIGINT key with 10,000 distinct values, over TUMBLE 10 s or HOP 10 s / 60 s,
 * in 4096-row batches, each followed by a watermark. Event time advances 100 rows per
 * millisecond, so a 10-second window holds a million rows, about 100 per key, and windows fire
 * (their results included in the time) as the benchmark goes. Input rows per second; run with
 * {@code -t 2} for two threads, each with its own operator, to see how it scales.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WindowAggregateBenchmark {
    static final int BATCH = 4096;
    private static final int KEYS = 10_000;
    private static final int ROWS_PER_MILLI = 100;
    /** Batches of keys and values cycled through; their times are rewritten as time advances. */
    private static final int BATCHES = 64;
    private static final long START = 1_767_225_600_000L;
    private static final List<String> DDL = List.of("CREATE TABLE bid (auction BIGINT, price BIGINT, "
            + "`dateTime` TIMESTAMP(3), WATERMARK FOR `dateTime` AS `dateTime`) "
            + "WITH ('connector' = 'nexmark', 'event-type' = 'bid', 'events.num' = '1')");

    @Param({"TUMBLE", "HOP"})
    public String window;

    private PlannedJob job;
    private RootAllocator allocator;
    private VectorSchemaRoot[] batches;
    private int timeColumn;
    private PlannedJob.CountingOutput output;
    private Operator aggregate;
    private long row;

    @Setup
    public void setUp() {
        String function = window.equals("HOP")
                ? "HOP(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND, INTERVAL '60' SECOND)"
                : "TUMBLE(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND)";
        job = PlannedJob.plan(DDL, "SELECT STREAM window_start, window_end, auction, COUNT(*), SUM(price), MAX(price) "
                + "FROM TABLE(" + function + ") GROUP BY auction, window_start, window_end");
        WindowAggregateOperatorFactory factory = job.operator(WindowAggregateOperatorFactory.class);
        allocator = new RootAllocator();
        timeColumn = factory.timeColumn();
        batches = batches(factory, allocator);
        output = new PlannedJob.CountingOutput();
        aggregate = factory.create(PlannedJob.task(allocator, BATCH), output);
    }

    @TearDown
    public void tearDown() {
        aggregate.close();
        for (VectorSchemaRoot batch : batches) {
            batch.close();
        }
        allocator.close();
        job.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long aggregate() {
        VectorSchemaRoot batch = batches[(int) (row / BATCH) & (BATCHES - 1)];
        TimeStampMilliVector times = (TimeStampMilliVector) batch.getVector(timeColumn);
        for (int i = 0; i < BATCH; i++) {
            times.set(i, START + (row + i) / ROWS_PER_MILLI);
        }
        row += BATCH;
        aggregate.process(batch);
        aggregate.processWatermark(START + (row - 1) / ROWS_PER_MILLI);
        return output.rows;
    }

    /** Batches of the operator's input: the key uniform over {@link #KEYS} values, other BIGINTs at random. */
    private static VectorSchemaRoot[] batches(WindowAggregateOperatorFactory factory, RootAllocator allocator) {
        int key = factory.keyColumns()[0];
        SplittableRandom random = new SplittableRandom(42);
        VectorSchemaRoot[] batches = new VectorSchemaRoot[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            VectorSchemaRoot batch = VectorSchemaRoot.create(factory.inputSchema(), allocator);
            batch.allocateNew();
            List<Field> fields = factory.inputSchema().getFields();
            for (int column = 0; column < fields.size(); column++) {
                FieldVector vector = batch.getVector(column);
                for (int i = 0; i < BATCH; i++) {
                    if (vector instanceof TimeStampMilliVector times) {
                        times.setSafe(i, START);
                    } else if (vector instanceof BigIntVector longs) {
                        longs.setSafe(i, column == key ? random.nextInt(KEYS) : random.nextLong(1_000_000_000L));
                    } else {
                        throw new IllegalStateException("unexpected input column " + fields.get(column));
                    }
                }
                vector.setValueCount(BATCH);
            }
            batch.setRowCount(BATCH);
            batches[b] = batch;
        }
        return batches;
    }
}
