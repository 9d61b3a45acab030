package io.sluice.runtime.job;

import io.sluice.runtime.checkpoint.CheckpointListener;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.connector.SinkCommitter;
import io.sluice.runtime.connector.TwoPhaseCommitOutput;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.VectorValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * An exactly-once sink for tests, as a transactional store would be one: each output stages the
 * rows it is given between two barriers as a transaction named by its task and checkpoint, and
 * the committer makes staged transactions visible, each once however often it is asked. Rows of
 * a run that fails stay staged and never become visible. At the end of the input an output makes
 * its last rows visible itself. Outputs also count the completions they hear of, and keep as
 * their state how many transactions they sealed.
 */
final class CommittingSink {
    private final Map<String, List<String>> staged = new ConcurrentHashMap<>();
    private final Map<String, List<String>> visible = new ConcurrentHashMap<>();
    private final AtomicLong completions = new AtomicLong();
    private final List<Integer> restoredSealed = new CopyOnWriteArrayList<>();

    PipelineOutput.ToSink output() {
        return new PipelineOutput.ToSink("committing", this::create, () -> Optional.of(new Committer()));
    }

    /** Every visible row, {@code k,n}. */
    List<String> visibleRows() {
        List<String> rows = new ArrayList<>();
        visible.values().forEach(rows::addAll);
        return rows;
    }

    long completionsHeard() {
        return completions.get();
    }

    /** How many transactions each restored output had sealed, as its state said. */
    List<Integer> restoredSealed() {
        return restoredSealed;
    }

    private Output create(TaskContext context) {
        return new Writer(context.taskIndex());
    }

    private final class Writer implements TwoPhaseCommitOutput, CheckpointListener, Checkpointed {
        private final int task;
        private List<String> pending = new ArrayList<>();
        private int sealed;

        Writer(int task) {
            this.task = task;
        }

        @Override
        public void emit(VectorSchemaRoot batch) {
            for (int row = 0; row < batch.getRowCount(); row++) {
                pending.add(VectorValues.get(batch.getVector(0), row) + "," + VectorValues.get(batch.getVector(1), row));
            }
        }

        @Override
        public void emitWatermark(long watermark) {
        }

        @Override
        public byte[] prepareCommit(long checkpointId) {
            String transaction = "task" + task + "-chk" + checkpointId;
            staged.put(transaction, pending);
            pending = new ArrayList<>();
            sealed++;
            return transaction.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void finish() {
            visible.put("task" + task + "-final", pending);
            pending = new ArrayList<>();
        }

        @Override
        public void checkpointComplete(long checkpointId) {
            completions.incrementAndGet();
        }

        @Override
        public void snapshotState(long checkpointId, StateWriter out) throws IOException {
            out.writeInt(sealed);
        }

        @Override
        public void restoreState(StateReader in) throws IOException {
            sealed = in.readInt();
            restoredSealed.add(sealed);
        }
    }

    private final class Committer implements SinkCommitter {
        @Override
        public void commit(long checkpointId, List<byte[]> committables) {
            for (byte[] committable : committables) {
                String transaction = new String(committable, StandardCharsets.UTF_8);
                List<String> rows = staged.get(transaction);
                if (rows == null) {
                    throw new IllegalStateException("no staged transaction " + transaction);
                }
                visible.putIfAbsent(transaction, rows);
            }
        }
    }
}
