package io.sluice.runtime.job;

import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.TwoInputOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.ColumnTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A stateful operator for checkpoint tests: for each row {@code (k)} it emits {@code (k, n)}, n
 * being how many rows of key k it has seen, counting this one; with two inputs (a join's place),
 * it counts the rows of both. Its state is the count per key.
 * It can be told to fail once, when the rows all its instances have seen reach a number.
 */
final class RunningCount implements OperatorFactory {
    static final Schema SCHEMA = new Schema(List.of(Field.nullable("k", ColumnTypes.VARCHAR),
            Field.nullable("n", ColumnTypes.BIGINT)));

    private final AtomicInteger seen = new AtomicInteger();
    private volatile int failAt = Integer.MAX_VALUE;

    /** How many rows all instances have seen. */
    int seen() {
        return seen.get();
    }

    /** The next instance to see the {@code row}-th row of all fails, once. */
    void failOnceAt(int row) {
        failAt = row;
    }

    @Override
    public String name() {
        return "RunningCount";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        return new Counting(context, output);
    }

    private final class Counting implements TwoInputOperator, Checkpointed {
        private final Output output;
        private final VectorSchemaRoot out;
        private Map<String, Long> counts = new HashMap<>();

        Counting(TaskContext context, Output output) {
            this.output = output;
            this.out = VectorSchemaRoot.create(SCHEMA, context.allocator());
        }

        @Override
        public void process(int input, VectorSchemaRoot batch) {
            process(batch);
        }

        @Override
        public void process(VectorSchemaRoot batch) {
            VarCharVector keys = (VarCharVector) batch.getVector(0);
            VarCharVector outKeys = (VarCharVector) out.getVector(0);
            BigIntVector outCounts = (BigIntVector) out.getVector(1);
            out.allocateNew();
            for (int row = 0; row < batch.getRowCount(); row++) {
                if (seen.incrementAndGet() == failAt) {
                    failAt = Integer.MAX_VALUE;
                    throw new IllegalStateException("failing once, as the test asked");
                }
                String key = new String(keys.get(row), StandardCharsets.UTF_8);
                long count = counts.merge(key, 1L, Long::sum);
                outKeys.setSafe(row, key.getBytes(StandardCharsets.UTF_8));
                outCounts.setSafe(row, count);
            }
            out.setRowCount(batch.getRowCount());
            output.emit(out);
        }

        @Override
        public void processWatermark(long watermark) {
            output.emitWatermark(watermark);
        }

        @Override
        public void finish() {
            output.finish();
        }

        @Override
        public void close() {
            out.close();
            output.close();
        }

        @Override
        public void snapshotState(long checkpointId, StateWriter writer) throws IOException {
            writer.writeInt(counts.size());
            for (Map.Entry<String, Long> entry : counts.entrySet()) {
                writer.writeValue(entry.getKey());
                writer.writeLong(entry.getValue());
            }
        }

        @Override
        public void restoreState(StateReader reader) throws IOException {
            int size = reader.readInt();
            counts = new HashMap<>();
            for (int i = 0; i < size; i++) {
                counts.put((String) reader.readValue(), reader.readLong());
            }
        }
    }
}
