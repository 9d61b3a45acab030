package io.sluice.bench.nexmark;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.result.ResultCursor;
import io.sluice.planner.physical.AggPhaseStrategy;
import io.sluice.runtime.changelog.RowKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sluice through its embedded API: an INSERT waits for its job ({@code 'table.dml-sync'}), and
 * the query may hold as much memory as the engine (the JVM's maximum heap, in Arrow buffers).
 */
final class SluiceDriver implements EngineDriver {
    /** The first column of an updating result: each row's kind. */
    private static final String OP = "op";

    private final Engine engine;
    private final Session session;
    private String lastJob;

        /** Where the checkpoints of each job are read from, when its runs take them. */
    private final Session watching;
    private CheckpointSummary checkpoints = CheckpointSummary.NONE;

    SluiceDriver(int parallelism, AggPhaseStrategy aggPhaseStrategy, Checkpointing checkpointing) {
        // The run's one query may use all the engine's memory, not the half of it a query by default may.
        EngineConfig defaults = EngineConfig.defaults();
        this.engine = Engine.create(new EngineConfig(defaults.clock(), parallelism, defaults.memoryLimit(),
                defaults.memoryLimit(), defaults.classLoader(), defaults.accessPolicy(), defaults.limits()));
        this.session = engine.newSession();
        session.execute("SET 'table.dml-sync' = 'true'");
        session.execute("SET '" + AggPhaseStrategy.OPTION + "' = '" + aggPhaseStrategy + "'");
        if (checkpointing.on()) {
            session.execute("SET 'execution.checkpointing.interval' = '" + checkpointing.interval().get() + "'");
            session.execute("SET 'execution.checkpointing.mode' = 'EXACTLY_ONCE'");
            checkpointing.directory().ifPresent(dir -> session.execute("SET 'state.checkpoints.dir' = '" + dir + "'"));
            this.watching = engine.newSession();
        } else {
            this.watching = null;
        }
    }

    @Override
    public void execute(String statement) {
        session.execute(statement);
    }

    /**
     * From the statement to the end of its job, planning and code generation included; with
     * checkpoints, also reads what the job tells of them meanwhile (in this process: its CPU time
     * is counted too, a few milliseconds a second).
     */
    @Override
    public Span insert(String statement) {
        CheckpointWatcher watcher = watching == null ? null : new CheckpointWatcher(watching);
        Span.Start start = Span.start();
        lastJob = session.execute(statement).message();
        Span span = start.stop();
        if (watcher != null) {
            try {
                checkpoints = watcher.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the job's checkpoints", e);
            }
        }
        return span;
    }

    @Override
    public Optional<CheckpointSummary> checkpoints() {
        return watching == null ? Optional.empty() : Optional.of(checkpoints);
    }

    @Override
    public Optional<KeyedStateSize> keyedState() {
        return Optional.ofNullable(lastJob).flatMap(id -> engine.jobs().find(id))
                .map(job -> new KeyedStateSize(job.metrics().state().bytes(), job.metrics().state().keys()));
    }

    /**
     * The result's rows; an updating result, whose first column {@value #OP} holds each row's
     * kind ({@code +I}, {@code -U}, {@code +U}, {@code -D}), is applied as a changelog.
     */
    @Override
    public List<List<Object>> query(String query) {
        FinalResult result = new FinalResult();
        try (ResultCursor cursor = session.execute(query).cursor()) {
            boolean changelog = !cursor.columns().isEmpty() && cursor.columns().get(0).name().equals(OP);
            Object[] row;
            while ((row = cursor.next()) != null) {
                List<Object> values = Arrays.asList(row);
                if (changelog) {
                    result.apply(kind(row[0]), values.subList(1, values.size()));
                } else {
                    result.apply(RowKind.INSERT, values);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Sluice ran: " + query, e);
        }
        return result.rows();
    }

    private static RowKind kind(Object op) {
        RowKind kind = op instanceof String text ? RowKind.ofShortString(text) : null;
        if (kind == null) {
            throw new IllegalStateException("Sluice's updating result has '" + op + "' in its " + OP
                    + " column, which is no row kind");
        }
        return kind;
    }

    @Override
    public void close() {
        try {
            if (watching != null) {
                watching.close();
            }
            session.close();
        } finally {
            engine.close();
        }
    }
}
