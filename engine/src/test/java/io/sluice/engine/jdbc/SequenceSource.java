package io.sluice.engine.jdbc;

import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.task.TaskContext;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Rows numbered 0, 1, 2, ... read by one task: a BIGINT or INT column holds the row's number, a
 * TIMESTAMP column the wall-clock time the row was made (so a client can tell how long the row took
 * to reach it), a VARCHAR column {@code row-N}.
 */
final class SequenceSource implements Source {
    private static final long MAX_WAIT_MILLIS = 50;

    private final String table;
    private final long count;
    private final double rowsPerSecond;

    SequenceSource(String table, Schema schema, long count, double rowsPerSecond) {
        this.table = table;
        this.count = count;
        this.rowsPerSecond = rowsPerSecond;
        for (Field field : schema.getFields()) {
            switch (field.getType().getTypeID()) {
                case Int, Timestamp, Utf8 -> {
                }
                default -> throw new SluiceException(ErrorCode.INVALID_OPTION, "the sequence connector cannot fill column '"
                        + field.getName() + "' of type " + field.getType());
            }
        }
    }

    @Override
    public boolean isBounded() {
        return count >= 0;
    }

    @Override
    public int maxParallelism() {
        return 1;
    }

    @Override
    public SourceReader createReader(TaskContext context, ReadMode mode) {
        boolean reads = context.taskIndex() == 0;
        return new SourceReader() {
            private final long startMillis = context.clock().millis();
            private long next;

            @Override
            public int read(VectorSchemaRoot batch) {
                if (!reads || (count >= 0 && next >= count)) {
                    return END;
                }
                long limit = count >= 0 ? count : Long.MAX_VALUE;
                if (rowsPerSecond > 0) {
                    long due = (long) ((context.clock().millis() - startMillis) * rowsPerSecond / 1000) + 1;
                    if (due <= next) {
                        long nextDue = startMillis + (long) Math.ceil(next * 1000 / rowsPerSecond);
                        try {
                            context.clock().sleepUntil(Math.min(nextDue, context.clock().millis() + MAX_WAIT_MILLIS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return 0;
                    }
                    limit = Math.min(limit, due);
                }
                int rows = (int) Math.min(context.batchSize(), limit - next);
                long now = context.clock().millis();
                for (FieldVector vector : batch.getFieldVectors()) {
                    for (int i = 0; i < rows; i++) {
                        long n = next + i;
                        if (vector instanceof BigIntVector bigints) {
                            bigints.setSafe(i, n);
                        } else if (vector instanceof IntVector ints) {
                            ints.setSafe(i, (int) n);
                        } else if (vector instanceof TimeStampMilliVector timestamps) {
                            timestamps.setSafe(i, now);
                        } else {
                            ((VarCharVector) vector).setSafe(i, ("row-" + n).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
                batch.setRowCount(rows);
                next += rows;
                return rows;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String describe() {
        return "sequence(" + table + (count >= 0 ? ", count=" + count : "") + ")";
    }
}
