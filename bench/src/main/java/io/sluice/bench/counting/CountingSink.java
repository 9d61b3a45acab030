package io.sluice.bench.counting;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Sluice's {@code counting} sink: drops every row, as the blackhole does, and counts them by kind
 * into {@link SinkRows}. It takes a retract changelog, so that an updating query's final row
 * count is known: an append-only batch costs one addition, a changelog batch a look at each row's
 * kind.
 */
final class CountingSink implements Sink {
    @Override
    public Output createOutput(TaskContext context) {
        return new Output() {
            private long added;
            private long retracted;

            @Override
            public void emit(VectorSchemaRoot batch) {
                int rows = batch.getRowCount();
                if (!RowKinds.carried(batch)) {
                    added += rows;
                    return;
                }
                TinyIntVector kinds = RowKinds.of(batch);
                int out = 0;
                for (int row = 0; row < rows; row++) {
                    if (RowKind.retracts(kinds.get(row))) {
                        out++;
                    }
                }
                retracted += out;
                added += rows - out;
            }

            @Override
            public void emitWatermark(long watermark) {
            }

            @Override
            public void finish() {
                SinkRows.add(added, retracted);
                added = 0;
                retracted = 0;
            }
        };
    }

    @Override
    public ChangelogMode acceptedChangelog() {
        return ChangelogMode.RETRACT;
    }

    @Override
    public String describe() {
        return "counting()";
    }
}
