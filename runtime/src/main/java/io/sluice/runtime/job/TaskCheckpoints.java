package io.sluice.runtime.job;

import io.sluice.runtime.checkpoint.CheckpointCoordinator;
import io.sluice.runtime.checkpoint.CheckpointListener;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.checkpoint.CompletedCheckpoint;
import io.sluice.runtime.checkpoint.PartSnapshot;
import io.sluice.runtime.checkpoint.TaskId;
import io.sluice.runtime.checkpoint.TaskSnapshot;
import io.sluice.runtime.checkpoint.WrappingOutput;
import io.sluice.runtime.connector.TwoPhaseCommitOutput;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.exchange.BarrierOutput;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The checkpoint side of one task: its {@link Checkpointed} parts under their stable ids (the
 * source reader, the chained operators in order, the sink's output), its
 * {@link CheckpointListener}s, and where its barriers go. Used by the task's thread only, between
 * batches.
 */
final class TaskCheckpoints {
    private record Part(String id, String operator, Checkpointed state) {
    }

    private final TaskId task;
    private final CheckpointCoordinator coordinator;
    private final CompletedCheckpoint.TaskState restored;
    private final String restoredFrom;
    private final List<Part> parts = new ArrayList<>();
    private final List<CheckpointListener> listeners = new ArrayList<>();
    private TwoPhaseCommitOutput sink;
    private Part sinkState;
    private BarrierOutput barriers;
    private long taken;
    private long notified;

    /**
     * @param coordinator the job's coordinator, or null if the job takes no checkpoints
     * @param restore     the checkpoint the job resumes from, or null
     */
    TaskCheckpoints(TaskId task, CheckpointCoordinator coordinator, CompletedCheckpoint restore) {
        this.task = task;
        this.coordinator = coordinator;
        this.restored = restore == null ? null : restore.tasks().get(task);
        this.restoredFrom = restore == null ? null : restore.directory().toString();
        long restoredId = restore == null ? 0 : restore.id();
        this.taken = restoredId;
        this.notified = restoredId;
    }

    /** Adds a part of the task (the source reader goes first), if it has state or listens. */
    void add(String id, String operator, Object part, boolean first) {
        if (part instanceof Checkpointed state) {
            parts.add(first ? 0 : parts.size(), new Part(id, operator, state));
        }
        if (part instanceof CheckpointListener listener) {
            listeners.add(listener);
        }
    }

    /** The task's last output: a sink's (through any wrapper around it) or an exchange's. */
    void tail(Output tail, String sinkId) {
        Output output = tail;
        while (output instanceof WrappingOutput wrapping) {
            output = wrapping.wrapped();
        }
        if (output instanceof BarrierOutput exchange) {
            barriers = exchange;
            return;
        }
        if (output instanceof TwoPhaseCommitOutput twoPhase) {
            sink = twoPhase;
        }
        if (output instanceof Checkpointed state) {
            sinkState = new Part(sinkId, "sink", state);
        }
        if (output instanceof CheckpointListener listener) {
            listeners.add(listener);
        }
    }

    /** True if the task had ended in the checkpoint the job resumes from: it runs no more. */
    boolean restoredFinished() {
        return restored != null && restored.finished();
    }

    /**
     * Gives each part the state the checkpoint holds for it, before the first batch.
     *
     * @throws SluiceException if the parts with state do not match the checkpoint's
     */
    void restore() {
        if (restored == null || restored.finished()) {
            return;
        }
        Map<String, byte[]> states = restored.parts();
        TreeSet<String> missing = new TreeSet<>(states.keySet());
        TreeSet<String> unknown = new TreeSet<>();
        List<Part> all = new ArrayList<>(parts);
        if (sinkState != null) {
            all.add(sinkState);
        }
        for (Part part : all) {
            if (!missing.remove(part.id())) {
                unknown.add(part.id());
            }
        }
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR, "the checkpoint '" + restoredFrom + "' does not fit "
                    + "the job: task " + task + (missing.isEmpty() ? "" : " has no stateful part " + missing
                    + " that the checkpoint holds state for") + (missing.isEmpty() || unknown.isEmpty() ? "" : ", and")
                    + (unknown.isEmpty() ? "" : " has stateful parts " + unknown + " the checkpoint holds no state for"));
        }
        for (Part part : all) {
            try {
                part.state().restoreState(new StateReader(new ByteArrayInputStream(states.get(part.id()))));
            } catch (IOException | RuntimeException e) {
                throw new SluiceException(ErrorCode.IO_ERROR, "task " + task + " could not restore the state of "
                        + part.operator() + " ('" + part.id() + "') from the checkpoint '" + restoredFrom + "': " + e, e);
            }
        }
    }

    /**
     * Between a source task's reads: takes the checkpoint asked for, if it has not taken it, and
     * passes on the completion of checkpoints.
     */
    void betweenReads() {
        if (coordinator == null) {
            return;
        }
        long requested = coordinator.requested();
        if (requested > taken) {
            checkpoint(requested);
        }
        notifyCompleted();
    }

    /**
     * Snapshots the reader and the operators, seals the sink's output (then snapshots it, as it
     * is once sealed) or sends the barrier on, and acknowledges. Everything before the barrier has
     * been processed, nothing after it.
     */
    void checkpoint(long checkpointId) {
        taken = checkpointId;
        List<PartSnapshot> snapshots = new ArrayList<>(parts.size() + 1);
        for (Part part : parts) {
            snapshots.add(snapshot(part, checkpointId));
        }
        Optional<byte[]> committable = Optional.empty();
        if (sink != null) {
            try {
                committable = Optional.of(sink.prepareCommit(checkpointId));
            } catch (IOException e) {
                throw new SluiceException(ErrorCode.IO_ERROR, "task " + task + ": the sink could not prepare the commit"
                        + " of checkpoint " + checkpointId + ": " + e, e);
            }
        }
        if (sinkState != null) {
            snapshots.add(snapshot(sinkState, checkpointId));
        }
        if (barriers != null) {
            barriers.emitBarrier(checkpointId);
        }
        if (coordinator != null) {
            coordinator.acknowledge(task, checkpointId, new TaskSnapshot(snapshots, committable, false));
        }
    }

    private PartSnapshot snapshot(Part part, long checkpointId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter writer = new StateWriter(bytes)) {
            part.state().snapshotState(checkpointId, writer);
        } catch (IOException e) {
            throw SluiceException.internal("task " + task + ": " + part.operator() + " ('" + part.id()
                    + "') could not snapshot its state: " + e, e);
        }
        return new PartSnapshot(part.id(), part.operator(), bytes.toByteArray());
    }

    /** Tells the listeners of the newest completed checkpoint, once. */
    void notifyCompleted() {
        long completed = coordinator == null ? 0 : coordinator.lastCompleted();
        if (completed > notified) {
            notified = completed;
            for (CheckpointListener listener : listeners) {
                listener.checkpointComplete(completed);
            }
        }
    }

    /** The task has finished its input normally: it takes part in no later checkpoint. */
    void finished() {
        if (coordinator != null) {
            coordinator.taskFinished(task);
        }
    }
}
