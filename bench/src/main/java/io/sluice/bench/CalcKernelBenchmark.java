package io.sluice.bench;

import io.sluice.runtime.connector.nexmark.BidBuffer;
import io.sluice.runtime.connector.nexmark.NexmarkConfig;
import io.sluice.runtime.connector.nexmark.NexmarkGenerator;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.calc.CalcOperatorFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The generated filter and projection of Nexmark q2's shape, {@code WHERE auction % 123 = 0}
 * keeping three BIGINT columns, planned by the real planner and run as its Calc operator over
 * 4096-row batches of generated bids: input rows per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CalcKernelBenchmark {
    static final int BATCH = 4096;
    static final List<String> DDL = List.of("CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT) "
            + "WITH ('connector' = 'nexmark', 'event-type' = 'bid', 'events.num' = '1')");
    static final String QUERY = "SELECT auction, bidder, price FROM bid WHERE auction % 123 = 0";
    /** Batches cycled through, so that the data is not one batch's. */
    private static final int BATCHES = 16;

    private PlannedJob job;
    private RootAllocator allocator;
    private VectorSchemaRoot[] batches;
    private PlannedJob.CountingOutput output;
    private Operator calc;
    private int next;

    @Setup
    public void setUp() {
        job = PlannedJob.plan(DDL, QUERY);
        CalcOperatorFactory factory = job.operator(CalcOperatorFactory.class);
        allocator = new RootAllocator();
        batches = bids(allocator, BATCHES);
        output = new PlannedJob.CountingOutput();
        calc = factory.create(PlannedJob.task(allocator, BATCH), output);
    }

    @TearDown
    public void tearDown() {
        calc.close();
        for (VectorSchemaRoot batch : batches) {
            batch.close();
        }
        allocator.close();
        job.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long filterAndProject() {
        calc.process(batches[next++ & (BATCHES - 1)]);
        return output.rows;
    }

    /** Batches of the first bids of the default sequence: auction, bidder, price. */
    static VectorSchemaRoot[] bids(RootAllocator allocator, int count) {
        NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.defaults(1_767_225_600_000L));
        BidBuffer bids = generator.bids().newBuffer(BATCH);
        VectorSchemaRoot[] batches = new VectorSchemaRoot[count];
        for (int b = 0; b < count; b++) {
            generator.bids().generate((long) b * BATCH, BATCH, bids);
            BigIntVector auction = new BigIntVector("auction", allocator);
            BigIntVector bidder = new BigIntVector("bidder", allocator);
            BigIntVector price = new BigIntVector("price", allocator);
            for (int row = 0; row < BATCH; row++) {
                auction.setSafe(row, bids.auction()[row]);
                bidder.setSafe(row, bids.bidder()[row]);
                price.setSafe(row, bids.price()[row]);
            }
            batches[b] = VectorSchemaRoot.of(auction, bidder, price);
            batches[b].setRowCount(BATCH);
        }
        return batches;
    }
}
