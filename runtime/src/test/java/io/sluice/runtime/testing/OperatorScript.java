package io.sluice.runtime.testing;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.TwoInputOperator;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.vector.VectorValues;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What an operator is fed, step by step, so that a test can replay it: batches (of an input, for
 * a two-input operator), watermarks and moves of the task's clock. A batch's rows are values as
 * {@link VectorValues} writes them; in a changelog (its schema ends with {@code $row_kind}) a
 * row's last value is its kind, {@code "+I"}, {@code "-U"}, {@code "+U"} or {@code "-D"}.
 */
public final class OperatorScript {
    private final List<Step> steps = new ArrayList<>();

    private interface Step {
    }

    private record Batch(int input, Schema schema, List<Object[]> rows) implements Step {
    }

    private record Watermark(long millis) implements Step {
    }

    private record ClockMove(long millis) implements Step {
    }

    /** A batch of the (first) input. */
    public OperatorScript batch(Schema schema, Object[]... rows) {
        return batch(0, schema, rows);
    }

    /** A batch of input {@code input} (0 or 1). */
    public OperatorScript batch(int input, Schema schema, Object[]... rows) {
        steps.add(new Batch(input, schema, List.of(rows)));
        return this;
    }

    public OperatorScript watermark(long millis) {
        steps.add(new Watermark(millis));
        return this;
    }

    /** The watermark of the end of the input. */
    public OperatorScript endOfTime() {
        return watermark(Watermarks.END);
    }

    /** Moves the task's clock on by {@code millis}. */
    public OperatorScript advance(long millis) {
        steps.add(new ClockMove(millis));
        return this;
    }

    public int size() {
        return steps.size();
    }

    /** Feeds step {@code index} to the operator, its batch made in {@code allocator} and freed after. */
    void feed(int index, Operator operator, BufferAllocator allocator, HandClock clock) {
        Step step = steps.get(index);
        if (step instanceof Batch batch) {
            try (VectorSchemaRoot rows = rows(batch, allocator)) {
                if (operator instanceof TwoInputOperator twoInputs) {
                    twoInputs.process(batch.input(), rows);
                } else {
                    operator.process(rows);
                }
            }
        } else if (step instanceof Watermark watermark) {
            operator.processWatermark(watermark.millis());
        } else {
            clock.advance(((ClockMove) step).millis());
        }
    }

    /** Moves the clock as steps {@code [0, index)} do, for a run that resumes at {@code index}. */
    void moveClockTo(int index, HandClock clock) {
        for (Step step : steps.subList(0, index)) {
            if (step instanceof ClockMove move) {
                clock.advance(move.millis());
            }
        }
    }

    private static VectorSchemaRoot rows(Batch batch, BufferAllocator allocator) {
        VectorSchemaRoot rows = VectorSchemaRoot.create(batch.schema(), allocator);
        List<FieldVector> vectors = rows.getFieldVectors();
        boolean changelog = RowKinds.carried(rows);
        for (int row = 0; row < batch.rows().size(); row++) {
            Object[] values = batch.rows().get(row);
            if (values.length != vectors.size()) {
                rows.close();
                throw new IllegalArgumentException("a row of " + values.length + " values for " + vectors.size()
                        + " columns");
            }
            for (int c = 0; c < values.length; c++) {
                Object value = changelog && c == values.length - 1
                        ? RowKind.ofShortString((String) values[c]).code() : values[c];
                VectorValues.set(vectors.get(c), row, value);
            }
        }
        rows.setRowCount(batch.rows().size());
        return rows;
    }
}
