package io.sluice.bench.nexmark;

import io.sluice.bench.counting.RowCount;
import io.sluice.bench.counting.SinkRows;
import io.sluice.planner.physical.AggPhaseStrategy;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The runs of one engine and one query (or the generator alone) in a JVM of their own, as the
 * runner forks them. All runs go to one engine (one Flink table environment), as queries go to a
 * running engine: each run drops the query's tables, creates them again and runs the
 * {@code INSERT}. Warm-up runs come first when asked, repeated until they have taken a least
 * time, so that the measured runs do not pay for class loading and the JIT compiler's passes.
 * Only a measured run's {@code INSERT} is timed: wall time, and the CPU time of the whole
 * process over the same span (every thread: tasks, garbage collector, JIT compiler). Each
 * measured run also counts the rows its sink was given ({@link SinkRows}).
 *
 * <p>Every measurement is taken at two sizes, {@code EVENTS} and twice as many, so that the
 * runner can tell the cost of the second half alone ({@link Marginal}). Prints one line on
 * standard output per size: {@code RESULT <events> <seconds> <cpu-seconds> <rows-added>
 * <rows-retracted>}, and for an engine that reports its keyed state {@code STATE <events> <bytes>
 * <keys>}; or {@code UNSUPPORTED <reason>} when Sluice rejects the query as not
 * supported (SQLState 0A000), or {@code REJECTED <sqlstate> <reason>} (and exit status 1) when it
 * rejects it with any other error. Fails if the measured runs of one size gave final results of
 * different sizes.
 *
 * <p>Arguments: {@code ENGINE QUERY EVENTS PARALLELISM WARMUP-EVENTS WARMUP-SECONDS RUNS AGG-PHASE-STRATEGY
 * CHECKPOINT-INTERVAL CHECKPOINT-DIR} (both engines' {@code 'table.optimizer.agg-phase-strategy'}; the last two
 * {@code off} for no checkpoints; a run that takes checkpoints also prints
 * {@code CHECKPOINTS <events> <completed> <median-millis> <median-bytes>} for the median run of each size): warm-up runs
 * over {@code WARMUP-EVENTS} events each (none if 0), at least one, until {@code WARMUP-SECONDS}
 * have passed; then {@code RUNS} rounds of measured runs, one of each size per round (the sizes
 * alternate, so that a slow spell of the machine falls on both alike), each after the JVM
 * {@linkplain Settling settles}. Of each size's runs the one of median CPU seconds is reported:
 * the JIT compiler and the garbage collector still add a little to one run or another.
 */
public final class QueryRun {
    private QueryRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 10) {
            System.err.println("usage: QueryRun ENGINE QUERY EVENTS PARALLELISM WARMUP-EVENTS WARMUP-SECONDS RUNS "
                    + "AGG-PHASE-STRATEGY CHECKPOINT-INTERVAL CHECKPOINT-DIR");
            System.exit(2);
        }
        Engines engine = Engines.of(args[0]);
        String query = args[1];
        long events = Long.parseLong(args[2]);
        int parallelism = Integer.parseInt(args[3]);
        long warmupEvents = Long.parseLong(args[4]);
        long warmupNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[5]));
        int runs = Integer.parseInt(args[6]);
        AggPhaseStrategy aggPhaseStrategy = AggPhaseStrategy.parse(args[7]);
        Checkpointing checkpointing = Checkpointing.ofArguments(args[8], args[9]);
        int status = 0;
        try (EngineDriver driver = engine == Engines.GENERATOR ? null
                : engine.driver(parallelism, aggPhaseStrategy, checkpointing)) {
            if (warmupEvents > 0) {
                long start = System.nanoTime();
                int warmups = 0;
                do {
                    run(driver, query, warmupEvents);
                    warmups++;
                } while (System.nanoTime() - start < warmupNanos);
                System.err.printf(Locale.ROOT, "%d warm-up runs in %.1f s%n", warmups,
                        (System.nanoTime() - start) / 1e9);
            }
            List<Long> sizes = List.of(events, 2 * events);
            Map<Long, List<TimedRun>> measured = new LinkedHashMap<>();
            for (int i = 0; i < runs; i++) {
                for (long size : sizes) {
                    Settling.settle();
                    SinkRows.reset();
                    Span span = run(driver, query, size);
                    RowCount rows = SinkRows.count();
                    Optional<KeyedStateSize> state = driver == null ? Optional.empty() : driver.keyedState();
                    Optional<CheckpointSummary> checkpoints = driver == null ? Optional.empty() : driver.checkpoints();
                    System.err.printf(Locale.ROOT, "measured run %d over %,d events: %.3f s, %.3f CPU s, %,d rows in "
                            + "the final result, %,d changes%s%n", i + 1, size, span.seconds(), span.cpuSeconds(),
                            rows.finalRows(), rows.changes(), checkpoints.map(c -> ", " + c).orElse(""));
                    measured.computeIfAbsent(size, s -> new ArrayList<>())
                            .add(new TimedRun(span, rows, state, checkpoints));
                }
            }
            for (Map.Entry<Long, List<TimedRun>> size : measured.entrySet()) {
                TimedRun median = TimedRun.median(query, engine, size.getKey(), size.getValue());
                System.out.printf(Locale.ROOT, "RESULT %d %.6f %.6f %d %d%n", size.getKey(), median.span().seconds(),
                        median.span().cpuSeconds(), median.rows().added(), median.rows().retracted());
                median.state().ifPresent(state -> System.out.printf(Locale.ROOT, "STATE %d %d %d%n", size.getKey(),
                        state.bytes(), state.keys()));
                median.checkpoints().ifPresent(c -> System.out.println(c.line(size.getKey())));
            }
        } catch (SluiceException e) {
            String message = e.getMessage().replace('\n', ' ');
            if (e.code() != ErrorCode.UNSUPPORTED) {
                e.printStackTrace();
                System.out.println("REJECTED " + e.sqlState() + " " + message);
                status = 1;
            } else {
                System.out.println("UNSUPPORTED " + message);
            }
        }
        System.out.flush();
        // Flink's mini cluster leaves non-daemon threads behind
        System.exit(status);
    }

    /** One run of the query on {@code driver}'s engine, or of the generator alone when there is no driver. */
    private static Span run(EngineDriver driver, String query, long events) {
        if (driver == null) {
            Span.Start start = Span.start();
            long checksum = GeneratorCeiling.generate(events);
            Span span = start.stop();
            if (checksum == 42) {
                System.err.println("checksum " + checksum);
            }
            return span;
        }
        NexmarkScript script = NexmarkScript.load(query, events);
        for (String statement : script.drops()) {
            driver.execute(statement);
        }
        for (String statement : script.ddl()) {
            driver.execute(statement);
        }
        return driver.insert(script.insert());
    }

    /**
     * A measured run: its span, the rows its sink was given, the keyed state its job held at its
     * end, and the checkpoints its job took if it was asked to.
     */
    private record TimedRun(Span span, RowCount rows, Optional<KeyedStateSize> state,
                            Optional<CheckpointSummary> checkpoints) {
        /** The run of median CPU seconds, after checking that every run gave a final result of the same size. */
        static TimedRun median(String query, Engines engine, long events, List<TimedRun> runs) {
            List<Long> finalRows = runs.stream().map(run -> run.rows().finalRows()).distinct().toList();
            if (finalRows.size() > 1) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%s on %s over %,d events: the measured "
                        + "runs gave final results of different sizes, %s rows", query, engine.id(), events, finalRows));
            }
            Span median = Span.medianByCpu(runs.stream().map(TimedRun::span).toList());
            return runs.stream().filter(run -> run.span() == median).findFirst().orElseThrow();
        }
    }
}
