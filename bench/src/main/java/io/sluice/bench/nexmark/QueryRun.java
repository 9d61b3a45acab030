package io.sluice.bench.nexmark;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The runs of one engine and one query (or the generator alone) in a JVM of their own, as the
 * runner forks them. All runs go to one engine (one Flink table environment), as queries go to a
 * running engine: each run drops the query's tables, creates them again and runs the
 * {@code INSERT}. Warm-up runs come first when asked, repeated until they have taken a least
 * time, so that the measured runs do not pay for class loading and the JIT compiler's passes.
 * Only a measured run's {@code INSERT} is timed: wall time, and the CPU time of the whole
 * process over the same span (every thread: tasks, garbage collector, JIT compiler).
 *
 * <p>Prints one line on standard output: {@code RESULT <seconds> <cpu-seconds>}, or
 * {@code UNSUPPORTED <reason>} when the engine rejects the query as not supported.
 *
 * <p>Arguments: {@code ENGINE QUERY EVENTS PARALLELISM WARMUP-EVENTS WARMUP-SECONDS RUNS}: warm-up runs
 * over {@code WARMUP-EVENTS} events each (none if 0), at least one, until {@code WARMUP-SECONDS}
 * have passed; then {@code RUNS} measured runs, each after the JVM {@linkplain Settling settles}, of
 * which the one of median CPU seconds is reported: the JIT compiler and the garbage collector
 * still add a little to one run or another.
 */
public final class QueryRun {
    private QueryRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 7) {
            System.err.println("usage: QueryRun ENGINE QUERY EVENTS PARALLELISM WARMUP-EVENTS WARMUP-SECONDS RUNS");
            System.exit(2);
        }
        Engines engine = Engines.of(args[0]);
        String query = args[1];
        long events = Long.parseLong(args[2]);
        int parallelism = Integer.parseInt(args[3]);
        long warmupEvents = Long.parseLong(args[4]);
        long warmupNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[5]));
        int runs = Integer.parseInt(args[6]);
        try (EngineDriver driver = engine == Engines.GENERATOR ? null : engine.driver(parallelism)) {
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
            List<Span> measured = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Settling.settle();
                Span span = run(driver, query, events);
                System.err.printf(Locale.ROOT, "measured run %d: %.3f s, %.3f CPU s%n", i + 1, span.seconds(),
                        span.cpuSeconds());
                measured.add(span);
            }
            Span median = Span.medianByCpu(measured);
            System.out.printf(Locale.ROOT, "RESULT %.6f %.6f%n", median.seconds(), median.cpuSeconds());
        } catch (SluiceException e) {
            if (e.code() != ErrorCode.UNSUPPORTED) {
                throw e;
            }
            System.out.println("UNSUPPORTED " + e.detail().replace('\n', ' '));
        }
        System.out.flush();
        // Flink's mini cluster leaves non-daemon threads behind
        System.exit(0);
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
}
