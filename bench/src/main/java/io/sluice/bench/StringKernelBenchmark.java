package io.sluice.bench;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.calc.CalcOperatorFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
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
 * A string-heavy Calc kernel, beside {@link CalcKernelBenchmark}'s numeric one: one Flink function
 * per run over 4096-row batches of bids' url, extra (a JSON object) and dateTime columns, planned
 * by the real planner: input rows per second. {@code regexp}: {@code REGEXP_EXTRACT(url,
 * '/item/(\d+)/', 1)} (a literal RE2 pattern, compiled once); {@code json}:
 * {@code JSON_VALUE(extra, '$.channel')}; {@code date}: {@code DATE_FORMAT(dateTime,
 * 'yyyy-MM-dd HH:mm')}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StringKernelBenchmark {
    static final int BATCH = CalcKernelBenchmark.BATCH;
    static final List<String> DDL = List.of("CREATE TABLE bid (url VARCHAR, extra VARCHAR, `dateTime` TIMESTAMP(3)) "
            + "WITH ('connector' = 'nexmark', 'event-type' = 'bid', 'events.num' = '1')");
    private static final int BATCHES = 16;
    private static final String[] CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};

    @Param({"regexp", "json", "date"})
    public String function;

    private PlannedJob job;
    private RootAllocator allocator;
    private VectorSchemaRoot[] batches;
    private PlannedJob.CountingOutput output;
    private Operator calc;
    private int next;

    @Setup
    public void setUp() {
        String expression = switch (function) {
            case "regexp" -> "REGEXP_EXTRACT(url, '/item/(\\d+)/', 1)";
            case "json" -> "JSON_VALUE(extra, '$.channel')";
            default -> "DATE_FORMAT(`dateTime`, 'yyyy-MM-dd HH:mm')";
        };
        job = PlannedJob.plan(DDL, "SELECT " + expression + " FROM bid");
        allocator = new RootAllocator();
        batches = rows(allocator);
        output = new PlannedJob.CountingOutput();
        calc = job.operator(CalcOperatorFactory.class).create(PlannedJob.task(allocator, BATCH), output);
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
    public long evaluate() {
        calc.process(batches[next++ & (BATCHES - 1)]);
        return output.rows;
    }

    /** Batches of made-up bids: an item URL, a JSON extra with a channel, a time a second apart. */
    private static VectorSchemaRoot[] rows(RootAllocator allocator) {
        VectorSchemaRoot[] batches = new VectorSchemaRoot[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            VarCharVector url = new VarCharVector("url", allocator);
            VarCharVector extra = new VarCharVector("extra", allocator);
            TimeStampMilliVector dateTime = new TimeStampMilliVector("dateTime", allocator);
            for (int row = 0; row < BATCH; row++) {
                long n = (long) b * BATCH + row;
                url.setSafe(row, ("https://www.nexmark.com/item/" + n + "/bid?channel=" + (n % 7))
                        .getBytes(StandardCharsets.UTF_8));
                extra.setSafe(row, ("{\"channel\":\"" + CHANNELS[(int) (n % CHANNELS.length)] + "\",\"price\":" + n * 3
                        + "}").getBytes(StandardCharsets.UTF_8));
                dateTime.setSafe(row, 1_767_225_600_000L + n * 1000);
            }
            batches[b] = VectorSchemaRoot.of(url, extra, dateTime);
            batches[b].setRowCount(BATCH);
        }
        return batches;
    }
}
