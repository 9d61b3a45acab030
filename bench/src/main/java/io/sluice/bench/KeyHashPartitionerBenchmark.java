package io.sluice.bench;

import io.sluice.runtime.exchange.KeyHashPartitioner;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
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
 * The hash exchange's choice of consumer: {@link KeyHashPartitioner} over the BIGINT auction
 * column of 4096-row batches of generated bids, for two consumers. Rows per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class KeyHashPartitionerBenchmark {
    private static final int BATCH = CalcKernelBenchmark.BATCH;
    private static final int BATCHES = 16;

    private RootAllocator allocator;
    private VectorSchemaRoot[] batches;
    private KeyHashPartitioner partitioner;
    private int[] targets;
    private int next;

    @Setup
    public void setUp() {
        allocator = new RootAllocator();
        batches = CalcKernelBenchmark.bids(allocator, BATCHES);
        partitioner = new KeyHashPartitioner(new int[] {0});
        targets = new int[BATCH];
    }

    @TearDown
    public void tearDown() {
        for (VectorSchemaRoot batch : batches) {
            batch.close();
        }
        allocator.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int[] partition() {
        partitioner.partition(batches[next++ & (BATCHES - 1)], 2, targets);
        return targets;
    }
}
