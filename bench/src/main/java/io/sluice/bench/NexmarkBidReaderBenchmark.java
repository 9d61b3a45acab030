package io.sluice.bench;

import io.sluice.runtime.Clock;
import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.connector.nexmark.EventKind;
import io.sluice.runtime.connector.nexmark.NexmarkField;
import io.sluice.runtime.connector.nexmark.NexmarkSourceFactory;
import io.sluice.runtime.format.FormatRegistry;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.task.JobControl;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.ColumnTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
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
 * The {@code nexmark} connector's reader on one thread, writing bid columns into Arrow vectors,
 * unpaced and unbounded: rows per second. {@code columns} is {@code all} (every field of a bid)
 * or {@code q2} (what Nexmark q2 reads: {@code auction}, {@code price} and the watermark's
 * {@code dateTime}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NexmarkBidReaderBenchmark {
    /** Rows per call: a whole number of batches of every size benchmarked. */
    private static final int ROWS = 8192;

    @Param({"1024", "8192"})
    public int batchSize;

    @Param({"all", "q0", "q2"})
    public String columns;

    private RootAllocator allocator;
    private VectorSchemaRoot batch;
    private SourceReader reader;

    @Setup
    public void setUp() {
        List<Field> fields = new ArrayList<>();
        for (NexmarkField field : EventKind.BID.fields()) {
            fields.add(Field.notNullable(field.name(), arrowType(field.type())));
        }
        Schema schema = new Schema(fields);
        Source source = new NexmarkSourceFactory().create(new SourceContext("bids", schema,
                new ConnectorOptions("nexmark", Map.of("event-type", "bid")), new FormatRegistry(List.of()),
                Clock.SYSTEM));
        if (!columns.equals("all")) {
            int[] projection = switch (columns) {
                case "q0" -> fieldIndexes("auction", "bidder", "price", "dateTime", "extra");
                case "q2" -> fieldIndexes("auction", "price", "dateTime");
                default -> throw new IllegalArgumentException("columns is 'all', 'q0' or 'q2', not '" + columns + "'");
            };
            source = source.project(projection).orElseThrow();
            List<Field> chosen = new ArrayList<>();
            for (int field : projection) {
                chosen.add(fields.get(field));
            }
            schema = new Schema(chosen);
        }
        allocator = new RootAllocator();
        TaskContext task = new TaskContext("bench", 0, 1, allocator, new QueryMetrics(), Clock.SYSTEM,
                new JobControl() {
                    @Override
                    public boolean isStopping() {
                        return false;
                    }

                    @Override
                    public void finishEarly() {
                    }
                }, batchSize);
        reader = source.createReader(task, ReadMode.STREAM);
        batch = VectorSchemaRoot.create(schema, allocator);
    }

    @TearDown
    public void tearDown() {
        reader.close();
        batch.close();
        allocator.close();
    }

    /** One call reads {@value #ROWS} bids in full batches; the score is rows per second. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int readBids() {
        int total = 0;
        while (total < ROWS) {
            int rows = reader.read(batch);
            if (rows != batchSize) {
                throw new IllegalStateException("read " + rows + " rows, not a full batch");
            }
            total += rows;
        }
        return total;
    }

    private static int[] fieldIndexes(String... names) {
        int[] indexes = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            indexes[i] = EventKind.BID.fieldIndex(names[i]);
        }
        return indexes;
    }

    private static ArrowType arrowType(NexmarkField.Type type) {
        return switch (type) {
            case BIGINT -> ColumnTypes.BIGINT;
            case VARCHAR -> ColumnTypes.VARCHAR;
            case TIMESTAMP -> ColumnTypes.TIMESTAMP;
        };
    }
}
