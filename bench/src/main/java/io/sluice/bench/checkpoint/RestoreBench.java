package io.sluice.bench.checkpoint;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.parser.StatementParser;
import io.sluice.parser.ast.Query;
import io.sluice.planner.QueryPlanner;
import io.sluice.runtime.Clock;
import io.sluice.runtime.checkpoint.CheckpointConfig;
import io.sluice.runtime.checkpoint.CheckpointCoordinator;
import io.sluice.runtime.checkpoint.CheckpointRetention;
import io.sluice.runtime.checkpoint.CheckpointStats;
import io.sluice.runtime.checkpoint.CheckpointingMode;
import io.sluice.runtime.job.Job;
import io.sluice.runtime.job.JobCheckpointing;
import io.sluice.runtime.job.JobSpec;
import io.sluice.runtime.job.PipelineOutput;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Output;
import io.sluice.planner.physical.AggPhaseStrategy;
import io.sluice.planner.physical.JobOptions;
import io.sluice.runtime.state.StateTtl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The time a job holding much state takes to resume after its process is killed with
 * {@code kill -9}. A first JVM runs a GROUP BY over Nexmark's bids with many keys, takes a
 * checkpoint once its sources have read {@code EVENTS} bids, and is killed (SIGKILL) as soon as
 * the checkpoint is complete. A second JVM plans the same statement and starts its job from that
 * checkpoint; the time from its start until the aggregate emits its first row again is the
 * resume time: reading the checkpoint, restoring every operator, and the sources' first batch.
 *
 * <p>Usage: {@code RestoreBench DIR EVENTS PARALLELISM HEAP}, the checkpoints going under
 * {@code DIR}. Prints the checkpoint's size and duration, and the resume's times.
 */
public final class RestoreBench {
    static final String QUERY = "SELECT STREAM auction, bidder, COUNT(*) AS bids, MAX(price) AS top FROM bid "
            + "GROUP BY auction, bidder";
    private static final String TABLE = "CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT) "
            + "WITH ('connector' = 'nexmark', 'event-type' = 'bid', 'base-time' = '2026-01-01 00:00:00')";
    private static final String STORAGE = "restore-bench";
    private static final String CHECKPOINT_LINE = "CHECKPOINT";
    private static final String RESUMED_LINE = "RESUMED";

    private RestoreBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("build")) {
            build(Path.of(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]));
        } else if (args.length == 4 && args[0].equals("resume")) {
            resume(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
        } else if (args.length == 4) {
            run(Path.of(args[0]), Long.parseLong(args[1]), Integer.parseInt(args[2]), args[3]);
        } else {
            System.err.println("usage: RestoreBench DIR EVENTS PARALLELISM HEAP");
            System.exit(2);
        }
    }

    /** Builds the state in one JVM, kills it with SIGKILL, and resumes in another. */
    private static void run(Path dir, long events, int parallelism, String heap) throws Exception {
        Process build = fork(heap, "build", dir.toString(), Long.toString(events), Integer.toString(parallelism));
        String[] checkpoint = awaitLine(build, CHECKPOINT_LINE);
        long killed = System.nanoTime();
        build.destroyForcibly(); // SIGKILL on Linux, as kill -9
        build.waitFor();
        System.out.printf(Locale.ROOT, "built: %,d bids read, checkpoint %s: %,d bytes, taken in %,d ms; "
                + "process killed (SIGKILL)%n", Long.parseLong(checkpoint[2]), checkpoint[1],
                Long.parseLong(checkpoint[3]), Long.parseLong(checkpoint[4]));
        Process resume = fork(heap, "resume", dir.toString(), checkpoint[1], Integer.toString(parallelism));
        String[] resumed = awaitLine(resume, RESUMED_LINE);
        double sinceKill = (System.nanoTime() - killed) / 1e9;
        resume.destroyForcibly();
        resume.waitFor();
        System.out.printf(Locale.ROOT, "resumed: JVM start to planned %.2f s, job start to first row %.2f s; "
                + "kill to first row %.2f s (a new JVM included)%n", Double.parseDouble(resumed[1]),
                Double.parseDouble(resumed[2]), sinceKill);
    }

    /** Runs the GROUP BY until its sources read {@code events} bids, checkpoints, and waits to be killed. */
    private static void build(Path dir, long events, int parallelism) throws Exception {
        try (Engine engine = engine(parallelism); RootAllocator root = new RootAllocator()) {
            QueryMetrics metrics = new QueryMetrics();
            CheckpointConfig config = new CheckpointConfig(Duration.ofDays(1), CheckpointingMode.EXACTLY_ONCE, dir, 1,
                    Duration.ofMinutes(30), CheckpointRetention.RETAIN_ON_CANCELLATION);
            Job job = new Job(spec(engine, parallelism, new AtomicLong()), root, metrics, Clock.SYSTEM, 4096,
                    JobCheckpointing.of(config, STORAGE));
            job.start();
            while (metrics.recordsIn() < events) {
                Thread.sleep(10);
            }
            CheckpointCoordinator coordinator = job.checkpoints().orElseThrow();
            long read = metrics.recordsIn();
            long id = coordinator.trigger();
            while (coordinator.lastCompleted() < id) {
                Thread.sleep(10);
            }
            CheckpointStats stats = coordinator.lastStats().orElseThrow();
            System.out.printf(Locale.ROOT, "%s %s %d %d %d%n", CHECKPOINT_LINE, stats.directory(), read, stats.bytes(),
                    stats.durationMillis());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Plans the statement again, starts its job from the checkpoint, and tells when it emits again. */
    private static void resume(Path dir, Path checkpoint, int parallelism) throws Exception {
        try (Engine engine = engine(parallelism); RootAllocator root = new RootAllocator()) {
            AtomicLong firstRowNanos = new AtomicLong();
            JobSpec spec = spec(engine, parallelism, firstRowNanos);
            double planned = (System.currentTimeMillis()
                    - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
            CheckpointConfig config = new CheckpointConfig(Duration.ofDays(1), CheckpointingMode.EXACTLY_ONCE, dir, 1,
                    Duration.ofMinutes(30), CheckpointRetention.RETAIN_ON_CANCELLATION);
            Job job = new Job(spec, root, new QueryMetrics(), Clock.SYSTEM, 4096,
                    JobCheckpointing.of(config, STORAGE).restoringFrom(checkpoint));
            long start = System.nanoTime();
            job.start();
            while (firstRowNanos.get() == 0) {
                Thread.sleep(1);
            }
            System.out.printf(Locale.ROOT, "%s %.3f %.3f%n", RESUMED_LINE, planned, (firstRowNanos.get() - start) / 1e9);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static Engine engine(int parallelism) {
        return Engine.create(EngineConfig.defaults().withDefaultParallelism(parallelism));
    }

    /** The GROUP BY's job, planned by the engine's planner, into an output that notes when its first row came. */
    private static JobSpec spec(Engine engine, int parallelism, AtomicLong firstRowNanos) {
        try (Session session = engine.newSession()) {
            session.execute(TABLE);
        }
        Query query = (Query) new StatementParser().parse(QUERY);
        return new QueryPlanner(engine.sql()).plan(query.query()).jobSpec(STORAGE,
                new JobOptions(parallelism, StateTtl.NEVER, AggPhaseStrategy.AUTO),
                new PipelineOutput.ToSink("first row", context -> new FirstRowOutput(firstRowNanos)), false);
    }

    private static Process fork(String heap, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms" + heap, "-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                RestoreBench.class.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String[] awaitLine(Process process, String prefix) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith(prefix + " ")) {
                return line.split(" ");
            }
        }
        throw new IllegalStateException("the forked JVM ended without a " + prefix + " line");
    }

    /** Drops the rows, noting when the first one came. */
    private record FirstRowOutput(AtomicLong firstRowNanos) implements Output {
        @Override
        public void emit(VectorSchemaRoot batch) {
            if (batch.getRowCount() > 0 && firstRowNanos.get() == 0) {
                firstRowNanos.compareAndSet(0, System.nanoTime());
            }
        }

        @Override
        public void emitWatermark(long watermark) {
        }

        @Override
        public void finish() {
        }
    }
}
