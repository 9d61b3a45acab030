package io.sluice.runtime.job;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.Clock;
import io.sluice.runtime.checkpoint.CheckpointConfig;
import io.sluice.runtime.checkpoint.CheckpointCoordinator;
import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.checkpoint.CheckpointingMode;
import io.sluice.runtime.checkpoint.CompletedCheckpoint;
import io.sluice.runtime.checkpoint.TaskId;
import io.sluice.runtime.connector.SinkCommitter;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.exchange.Exchange;
import io.sluice.runtime.exchange.ExchangeOutput;
import io.sluice.runtime.exchange.ExchangeSpec;
import io.sluice.runtime.exchange.FanOutOutput;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.JobControl;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.task.TaskStoppedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running query: one thread per task of each pipeline, and the exchanges between them. The
 * first failure of any task stops the others and is kept; a cancel stops every task within a
 * short, bounded time. The job closes everything it allocated before {@link #completion()}
 * completes; the query's allocator itself belongs to the caller.
 *
 * <p>With checkpoints ({@link JobCheckpointing}), a {@link CheckpointCoordinator} takes them on a
 * thread of its own while the tasks run, and a job can resume from a completed one: its tasks
 * restore their parts before their first batch, and its sinks' committers are first given that
 * checkpoint's prepared commits again.
 */
public final class Job implements JobControl {
    private static final Logger LOG = LoggerFactory.getLogger(Job.class);

    private final JobSpec spec;
    private final BufferAllocator allocator;
    private final QueryMetrics metrics;
    private final Clock clock;
    private final int batchSize;
    private final long memoryLimit;
    private final JobCheckpointing checkpointing;
    private final Map<String, SinkCommitter> committers = new LinkedHashMap<>();
    private CompletedCheckpoint restored;
    private CheckpointCoordinator coordinator;
    private final Map<String, List<OperatorMetrics>> nodes = new LinkedHashMap<>();
    private final List<Exchange> exchanges = new ArrayList<>();
    private final AtomicInteger runningTasks = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CompletableFuture<JobState> completion = new CompletableFuture<>();
    private volatile boolean stopping;
    private volatile boolean cancelled;

    /**
     * @param allocator the query's allocator, whose limit is the query's memory limit
     */
    public Job(JobSpec spec, BufferAllocator allocator, QueryMetrics metrics, Clock clock, int batchSize) {
        this(spec, allocator, metrics, clock, batchSize, JobCheckpointing.NONE);
    }

    /**
     * @param allocator     the query's allocator, whose limit is the query's memory limit
     * @param checkpointing whether the job takes checkpoints and whether it resumes from one
     */
    public Job(JobSpec spec, BufferAllocator allocator, QueryMetrics metrics, Clock clock, int batchSize,
               JobCheckpointing checkpointing) {
        this.checkpointing = requireNonNull(checkpointing, "checkpointing is null");
        this.spec = requireNonNull(spec, "spec is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.batchSize = batchSize;
        this.memoryLimit = allocator.getLimit();
        for (PipelineSpec pipeline : spec.pipelines()) {
            nodes.put(pipeline.name(), nodeMetrics(pipeline));
        }
    }

    /** The metrics of a pipeline's operators and then of its output, registered with the query's. */
    private List<OperatorMetrics> nodeMetrics(PipelineSpec pipeline) {
        List<OperatorMetrics> list = new ArrayList<>();
        for (int i = 0; i < pipeline.operators().size(); i++) {
            list.add(metrics.operator(pipeline.name(), i, pipeline.operators().get(i).name(), false,
                    pipeline.parallelism()));
        }
        String output = pipeline.output() instanceof PipelineOutput.ToSink sink ? "sink " + sink.description()
                : pipeline.output() instanceof PipelineOutput.ToExchange exchange ? "exchange " + exchange.exchangeId()
                : "exchanges";
        list.add(metrics.operator(pipeline.name(), pipeline.operators().size(), output,
                pipeline.output() instanceof PipelineOutput.ToSink, pipeline.parallelism()));
        return List.copyOf(list);
    }

    public JobSpec spec() {
        return spec;
    }

    public QueryMetrics metrics() {
        return metrics;
    }

    /** The bytes the job holds now (Arrow buffers and charged state). */
    public long memoryUsed() {
        return allocator.getAllocatedMemory();
    }

    /** The job's memory limit, in bytes. */
    public long memoryLimit() {
        return memoryLimit;
    }

    /**
     * Starts every task. Called once.
     *
     * @throws SluiceException if the checkpoint to resume from cannot be read or does not fit the
     *                         job, or its commits cannot be made; nothing was started then
     */
    public void start() {
        try {
            prepareCheckpoints();
        } catch (RuntimeException e) {
            closeCommitters();
            throw e;
        }
        for (ExchangeSpec exchange : spec.exchanges()) {
            exchanges.add(new Exchange(exchange,
                    allocator.newChildAllocator(spec.name() + "/exchange-" + exchange.id(), 0, Long.MAX_VALUE), this,
                    metrics));
        }
        List<Thread> threads = new ArrayList<>();
        for (PipelineSpec pipeline : spec.pipelines()) {
            for (int index = 0; index < pipeline.parallelism(); index++) {
                int taskIndex = index;
                String name = spec.name() + "/" + pipeline.name() + "-" + index;
                Thread thread = new Thread(() -> runTask(pipeline, taskIndex, name), "sluice-" + name);
                thread.setDaemon(true);
                threads.add(thread);
            }
        }
        runningTasks.set(threads.size());
        if (coordinator != null) {
            // before the tasks, which may all end (and close it) before this returns
            coordinator.start();
        }
        if (threads.isEmpty()) {
            complete();
        }
        threads.forEach(Thread::start);
    }

    /**
     * Reads and checks the checkpoint to resume from and commits its prepared commits again; makes
     * the coordinator, whose ids go on after the newest checkpoint in the job's directory.
     */
    private void prepareCheckpoints() {
        for (PipelineSpec pipeline : spec.pipelines()) {
            if (pipeline.output() instanceof PipelineOutput.ToSink sink) {
                sink.committer().create().ifPresent(committer -> committers.put(pipeline.name(), committer));
            }
        }
        if (checkpointing.restoreFrom().isPresent()) {
            restored = CheckpointStorage.read(checkpointing.restoreFrom().get());
            CheckpointLayout.check(spec, restored, checkpointing.ignoreUnclaimedState());
            restored.committables().forEach((pipeline, committables) -> {
                SinkCommitter committer = committers.get(pipeline);
                if (committer == null) {
                    throw new SluiceException(ErrorCode.VALIDATION_ERROR, "the checkpoint '" + restored.directory()
                            + "' holds commits of the sink of pipeline " + pipeline + ", which writes exactly once no more");
                }
                committer.commit(restored.id(), committables);
            });
        }
        Optional<CheckpointConfig> config = checkpointing.config();
        if (config.isEmpty()) {
            return;
        }
        Path directory = checkpointing.jobDirectory().orElseThrow();
        long lastId;
        boolean earlierRun;
        try {
            lastId = CheckpointStorage.highestId(directory);
            earlierRun = !CheckpointStorage.completed(directory).isEmpty();
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot read the checkpoint directory '" + directory + "': " + e,
                    e);
        }
        if (restored == null && earlierRun) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR, "the checkpoint directory '" + directory
                    + "' already holds checkpoints of an earlier run: resume from one of them or use another directory");
        }
        long restoredId = restored == null ? 0 : restored.id();
        lastId = Math.max(lastId, restoredId);
        List<TaskId> tasks = new ArrayList<>();
        for (PipelineSpec pipeline : spec.pipelines()) {
            for (int index = 0; index < pipeline.parallelism(); index++) {
                tasks.add(new TaskId(pipeline.name(), index));
            }
        }
        coordinator = new CheckpointCoordinator(CheckpointLayout.plan(spec), config.get(), directory, tasks, lastId,
                restoredId, committers, clock, t -> fail("checkpoints", t));
    }

    /** The job's checkpoint coordinator, if it takes checkpoints (set once {@link #start()} ran). */
    public Optional<CheckpointCoordinator> checkpoints() {
        return Optional.ofNullable(coordinator);
    }

    /** Stops every task; what was already delivered stays delivered. */
    public void cancel() {
        cancelled = true;
        stopping = true;
    }

    /**
     * Fails the job as a task failing with this error would: every task stops, nothing is
     * finished, and a {@link RestartingJob} starts again as its strategy says.
     */
    public void fail(SluiceException cause) {
        fail("job", cause);
    }

    @Override
    public boolean isStopping() {
        return stopping;
    }

    @Override
    public void finishEarly() {
        stopping = true;
    }

    @Override
    public boolean checkpointing() {
        return checkpointing.config().isPresent();
    }

    /** Completes, with the final state, once every task has ended and the job's memory is freed. */
    public CompletableFuture<JobState> completion() {
        return completion;
    }

    /** The first failure, as the user should see it, or null. */
    public SluiceException failure() {
        Throwable t = failure.get();
        if (t == null) {
            return null;
        }
        if (t instanceof SluiceException e) {
            return e;
        }
        if (t instanceof OutOfMemoryException) {
            return new SluiceException(ErrorCode.MEMORY_LIMIT_EXCEEDED, "the query needs more memory than its limit of "
                    + memoryLimit / (1024 * 1024) + " MiB (set 'query.memory.limit' to raise it)", t);
        }
        if (t instanceof OutOfMemoryError) {
            // The last line of defence: the heap ran out before any limit was reached. The query
            // fails and frees what it held; the engine and its other queries go on.
            return new SluiceException(ErrorCode.MEMORY_LIMIT_EXCEEDED, "the engine ran out of memory while the query "
                    + "ran (" + t.getMessage() + "); lower 'query.memory.limit' or give the JVM more memory", t);
        }
        return SluiceException.internal(t.toString(), t);
    }

    private void runTask(PipelineSpec pipeline, int index, String name) {
        BufferAllocator taskAllocator = null;
        try {
            taskAllocator = allocator.newChildAllocator(name, 0, Long.MAX_VALUE);
            TaskContext context = new TaskContext(name, index, pipeline.parallelism(), taskAllocator, metrics, clock,
                    this, batchSize);
            Output tail = createOutput(pipeline.output(), context);
            OperatorChain chain = OperatorChain.build(pipeline.operators(), context, tail, nodes.get(pipeline.name()));
            Output head = chain.head();
            // The failure is recorded before the outputs close, so that consumers never take a
            // failed producer's end for a normal one.
            try {
                TaskCheckpoints checkpoints = taskCheckpoints(pipeline, index, chain, tail);
                Runnable loop;
                if (pipeline.input() instanceof PipelineInput.FromSource source) {
                    loop = new SourceTask(source, context, head, tail, checkpoints,
                            CheckpointLayout.sourceId(pipeline));
                } else {
                    PipelineInput.FromExchange input = (PipelineInput.FromExchange) pipeline.input();
                    Exchange exchange = exchanges.get(input.exchangeId());
                    BarrierAligner aligner = coordinator == null ? null : new BarrierAligner(
                            exchange.spec().producers(),
                            checkpointing.config().orElseThrow().mode() == CheckpointingMode.EXACTLY_ONCE,
                            restored == null ? 0 : restored.id());
                    loop = new ExchangeTask(exchange, input, context, head, checkpoints, aligner);
                }
                loop.run();
            } catch (Throwable t) {
                fail(name, t);
            } finally {
                head.close();
            }
        } catch (Throwable t) {
            fail(name, t);
        } finally {
            if (taskAllocator != null) {
                try {
                    taskAllocator.close();
                } catch (RuntimeException e) {
                    fail(name, SluiceException.internal("task " + name + " did not free its memory: " + e.getMessage(), e));
                }
            }
            if (runningTasks.decrementAndGet() == 0) {
                complete();
            }
        }
    }

    /** The checkpoint side of a task, or null if the job neither takes checkpoints nor resumes from one. */
    private TaskCheckpoints taskCheckpoints(PipelineSpec pipeline, int index, OperatorChain chain, Output tail) {
        if (coordinator == null && restored == null) {
            return null;
        }
        TaskCheckpoints checkpoints = new TaskCheckpoints(new TaskId(pipeline.name(), index), coordinator, restored);
        for (int i = 0; i < chain.operators().size(); i++) {
            checkpoints.add(CheckpointLayout.operatorId(pipeline, i), pipeline.operators().get(i).name(),
                    chain.operators().get(i), false);
        }
        checkpoints.tail(tail, CheckpointLayout.sinkId(pipeline));
        return checkpoints;
    }

    private Output createOutput(PipelineOutput output, TaskContext context) {
        if (output instanceof PipelineOutput.ToExchange toExchange) {
            return new ExchangeOutput(exchanges.get(toExchange.exchangeId()),
                    toExchange.producerOffset() + context.taskIndex(), toExchange.partitioning());
        }
        if (output instanceof PipelineOutput.ToExchanges fanOut) {
            List<ExchangeOutput> outputs = new ArrayList<>();
            for (PipelineOutput.ToExchange target : fanOut.targets()) {
                outputs.add(new ExchangeOutput(exchanges.get(target.exchangeId()), context.taskIndex(),
                        target.partitioning()));
            }
            return new FanOutOutput(outputs);
        }
        return ((PipelineOutput.ToSink) output).sink().create(context);
    }

    private void fail(String task, Throwable t) {
        if (t instanceof TaskStoppedException) {
            // a kernel saw the stop inside a batch: the job is stopping already, nothing failed
            return;
        }
        if (failure.compareAndSet(null, t)) {
            if (!(t instanceof SluiceException e) || e.code().isInternal()) {
                LOG.error("task {} failed", task, t);
            }
        }
        stopping = true;
    }

    private void complete() {
        if (coordinator != null) {
            // a checkpoint every task acknowledged (or ended before) is written and committed first
            coordinator.close();
        }
        closeCommitters();
        for (Exchange exchange : exchanges) {
            try {
                exchange.close();
            } catch (RuntimeException e) {
                fail("exchange " + exchange.spec().id(), e);
            }
        }
        JobState state = failure.get() != null ? JobState.FAILED : cancelled ? JobState.CANCELLED : JobState.FINISHED;
        completion.complete(state);
    }

    private void closeCommitters() {
        for (Map.Entry<String, SinkCommitter> committer : committers.entrySet()) {
            try {
                committer.getValue().close();
            } catch (RuntimeException e) {
                fail("the committer of pipeline " + committer.getKey(), e);
            }
        }
        committers.clear();
    }
}
