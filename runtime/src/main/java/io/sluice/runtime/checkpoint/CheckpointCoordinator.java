package io.sluice.runtime.checkpoint;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.Clock;
import io.sluice.runtime.connector.SinkCommitter;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a job's checkpoints, one at a time, on a thread of its own. A checkpoint starts when
 * {@link #requested()} moves to its id: source tasks see that between reads, snapshot their parts
 * and send a barrier downstream; every task acknowledges with its snapshot once the barrier
 * passed it. When every task has (a task that has ended counts as one that acknowledged with
 * nothing), the coordinator writes the checkpoint (see {@link CheckpointStorage}), keeps the
 * newest {@code retained}, makes the sinks' prepared commits visible through their committers,
 * and publishes the id as {@link #lastCompleted()}, which tasks pass on to their
 * {@link CheckpointListener}s. A checkpoint not acknowledged within the timeout is aborted; the
 * commits its tasks prepared are carried into the next checkpoint that completes.
 */
public final class CheckpointCoordinator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);
    private static final long CLOSE_WAIT_SECONDS = 60;

    private final CheckpointPlan plan;
    private final CheckpointConfig config;
    private final Path jobDirectory;
    private final List<TaskId> tasks;
    private final Map<String, SinkCommitter> committers;
    private final Clock clock;
    private final Consumer<Throwable> onFailure;
    private final ScheduledThreadPoolExecutor thread;
    private final Set<TaskId> finished = new HashSet<>();
    /** Commits prepared for checkpoints that did not complete, by sink pipeline: the next one commits them. */
    private final Map<String, List<byte[]>> carried = new LinkedHashMap<>();
    private long lastId;
    private Pending pending;
    private boolean closed;
    /** The id of a savepoint the job stops after, while it is pending or once complete: no checkpoint starts after it. */
    private long last;
    private volatile long requested;
    private volatile long lastCompleted;
    private volatile CheckpointStats lastStats;
    private volatile long aborted;

    /**
     * @param tasks      every task of the job
     * @param lastId     the highest checkpoint id the job's directory holds, or 0: ids go on from it
     * @param restoredId the id of the checkpoint the job resumed from, or 0: the tasks start from it
     * @param committers the committers of the sinks that write exactly once, by their pipeline's name
     * @param onFailure  told when a checkpoint cannot be written or its commits fail; the job fails then
     */
    public CheckpointCoordinator(CheckpointPlan plan, CheckpointConfig config, Path jobDirectory, List<TaskId> tasks,
                                 long lastId, long restoredId, Map<String, SinkCommitter> committers, Clock clock,
                                 Consumer<Throwable> onFailure) {
        this.plan = requireNonNull(plan, "plan is null");
        this.config = requireNonNull(config, "config is null");
        this.jobDirectory = requireNonNull(jobDirectory, "jobDirectory is null");
        this.tasks = List.copyOf(tasks);
        this.committers = Map.copyOf(committers);
        this.clock = requireNonNull(clock, "clock is null");
        this.onFailure = requireNonNull(onFailure, "onFailure is null");
        if (restoredId > lastId) {
            throw new IllegalArgumentException("restored checkpoint " + restoredId + " is past the last id " + lastId);
        }
        this.lastId = lastId;
        this.lastCompleted = restoredId;
        this.requested = restoredId;
        this.thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "sluice-" + plan.job() + "-checkpoints");
            t.setDaemon(true);
            return t;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    /** Starts triggering a checkpoint every interval, unless the coordinator was closed already. */
    public synchronized void start() {
        if (closed) {
            return;
        }
        long interval = config.interval().toMillis();
        thread.scheduleAtFixedRate(this::trigger, interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a checkpoint now, unless one is still pending or every source task has ended; returns
     * its id, or 0 if none started. Called by the coordinator's schedule, and by whoever wants one
     * taken at once.
     */
    public synchronized long trigger() {
        if (closed || last != 0 || pending != null || finished.containsAll(sourceTasks())) {
            return 0;
        }
        Pending started = new Pending(++lastId, clock.millis(), clock.nanos());
        pending = started;
        for (TaskId task : finished) {
            started.acks.put(task, TaskSnapshot.FINISHED);
        }
        started.timeout = thread.schedule(() -> expire(started), config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        requested = started.id;
        return started.id;
    }

    /**
     * Starts the job's last checkpoint (a savepoint it stops after) now: while it is pending or
     * once it completed, no other starts, so nothing is committed after it. Returns its id, or 0 if
     * another checkpoint is still pending or every source task has ended. If it is aborted, the
     * schedule goes on.
     */
    public synchronized long triggerLast() {
        long id = trigger();
        last = id;
        return id;
    }

    /** The id of the newest checkpoint asked for; source tasks take it when it passes the last one they took. */
    public long requested() {
        return requested;
    }

    /** The id of the newest completed checkpoint (or the one the job was restored from), 0 if none. */
    public long lastCompleted() {
        return lastCompleted;
    }

    /** The newest checkpoint this coordinator completed. */
    public Optional<CheckpointStats> lastStats() {
        return Optional.ofNullable(lastStats);
    }

    /** How many checkpoints were aborted (timed out). */
    public long aborted() {
        return aborted;
    }

    public Path jobDirectory() {
        return jobDirectory;
    }

    /** A task's snapshot for checkpoint {@code checkpointId}, taken when the barrier passed it. */
    public synchronized void acknowledge(TaskId task, long checkpointId, TaskSnapshot snapshot) {
        Pending current = pending;
        if (closed || current == null || current.id != checkpointId || current.writing) {
            // the checkpoint was aborted: what the task prepared is committed with the next one
            snapshot.committable().ifPresent(c -> carry(task.pipeline(), c));
            return;
        }
        current.acks.put(task, snapshot);
        completeIfAcknowledged(current);
    }

    /** A task has ended: it takes part in no later checkpoint, and counts as acknowledging the pending one. */
    public synchronized void taskFinished(TaskId task) {
        finished.add(task);
        Pending current = pending;
        if (current != null && !current.writing && !current.acks.containsKey(task)) {
            current.acks.put(task, TaskSnapshot.FINISHED);
            completeIfAcknowledged(current);
        }
    }

    /**
     * Stops triggering; waits for a checkpoint being written to be written and committed, and
     * drops one still waiting for tasks.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (pending != null && !pending.writing) {
                pending = null;
            }
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.error("the checkpoints of job {} were still being written after {} s", plan.job(), CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Set<TaskId> sourceTasks() {
        Set<TaskId> sources = new HashSet<>();
        for (TaskId task : tasks) {
            if (plan.sourcePipelines().contains(task.pipeline())) {
                sources.add(task);
            }
        }
        return sources;
    }

    private void completeIfAcknowledged(Pending current) {
        if (current.acks.size() == tasks.size()) {
            current.writing = true;
            current.timeout.cancel(false);
            thread.execute(() -> write(current));
        }
    }

    private synchronized void expire(Pending expired) {
        if (pending != expired || expired.writing) {
            return;
        }
        pending = null;
        aborted++;
        if (last == expired.id) {
            last = 0;
        }
        for (Map.Entry<TaskId, TaskSnapshot> ack : expired.acks.entrySet()) {
            ack.getValue().committable().ifPresent(c -> carry(ack.getKey().pipeline(), c));
        }
        LOG.warn("checkpoint {} of job {} was aborted: not every task acknowledged it within {}", expired.id,
                plan.job(), config.timeout());
    }

    private void carry(String pipeline, byte[] committable) {
        if (committable.length > 0) {
            carried.computeIfAbsent(pipeline, p -> new ArrayList<>()).add(committable);
        }
    }

    /** Writes a checkpoint every task acknowledged, then commits; on the coordinator's thread. */
    private void write(Pending checkpoint) {
        Map<String, List<byte[]>> committables;
        synchronized (this) {
            committables = new LinkedHashMap<>();
            carried.forEach((pipeline, list) -> committables.put(pipeline, new ArrayList<>(list)));
        }
        List<CheckpointMetadata.Task> files = new ArrayList<>();
        Map<String, TaskSnapshot> snapshots = new HashMap<>();
        Map<String, CheckpointMetadata.Part> parts = new LinkedHashMap<>();
        for (TaskId task : tasks) {
            TaskSnapshot snapshot = checkpoint.acks.get(task);
            String file = plan.fileOf(task);
            files.add(new CheckpointMetadata.Task(task.pipeline(), task.index(), file, snapshot.finished(),
                    snapshot.bytes()));
            snapshots.put(file, snapshot);
            for (PartSnapshot part : snapshot.parts()) {
                parts.putIfAbsent(part.id(), new CheckpointMetadata.Part(part.id(), task.pipeline(), part.operator()));
            }
            snapshot.committable().filter(c -> c.length > 0)
                    .ifPresent(c -> committables.computeIfAbsent(task.pipeline(), p -> new ArrayList<>()).add(c));
        }
        CheckpointMetadata metadata = new CheckpointMetadata(CheckpointMetadata.FORMAT_VERSION, checkpoint.id,
                plan.job(), plan.fingerprint(), checkpoint.timestamp, plan.pipelines(), List.copyOf(parts.values()),
                files, committables.isEmpty() ? null : CheckpointStorage.COMMITTABLES);
        Path directory = CheckpointStorage.directoryOf(jobDirectory, checkpoint.id);
        try {
            long bytes = CheckpointStorage.write(directory, metadata, snapshots, committables);
            long duration = TimeUnit.NANOSECONDS.toMillis(clock.nanos() - checkpoint.startNanos);
            synchronized (this) {
                carried.clear();
            }
            lastStats = new CheckpointStats(checkpoint.id, checkpoint.timestamp, bytes, duration, directory);
            CheckpointStorage.retain(jobDirectory, config.retained());
            for (Map.Entry<String, List<byte[]>> sink : committables.entrySet()) {
                SinkCommitter committer = committers.get(sink.getKey());
                if (committer != null) {
                    committer.commit(checkpoint.id, List.copyOf(sink.getValue()));
                }
            }
            lastCompleted = checkpoint.id;
        } catch (IOException | RuntimeException e) {
            onFailure.accept(e instanceof SluiceException ? e : new SluiceException(ErrorCode.IO_ERROR, "checkpoint "
                    + checkpoint.id + " of job " + plan.job() + " could not be written to '" + directory + "' or "
                    + "committed: " + e, e));
        } finally {
            synchronized (this) {
                if (pending == checkpoint) {
                    pending = null;
                }
            }
        }
    }

    private static final class Pending {
        final long id;
        final long timestamp;
        final long startNanos;
        final Map<TaskId, TaskSnapshot> acks = new HashMap<>();
        ScheduledFuture<?> timeout;
        boolean writing;

        Pending(long id, long timestamp, long startNanos) {
            this.id = id;
            this.timestamp = timestamp;
            this.startNanos = startNanos;
        }
    }
}
