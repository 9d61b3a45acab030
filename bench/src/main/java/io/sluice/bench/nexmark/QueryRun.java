package io.sluice.bench.nexmark;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.Locale;

/**
 * One measured run in a JVM of its own, as the runner forks it: one engine and one query (or
 * the generator alone). A warm-up run comes first when asked, on a fresh
 * engine, so that the measured run does not pay for class loading and the JIT compiler's first
 * passes. Only the measured run's {@code INSERT} is timed: wall time, and the CPU time of the
 * whole process over the same span (every thread: tasks, garbage collector, JIT compiler).
 *
 * <p>Prints one line on standard output: {@code RESULT <seconds> <cpu-seconds>}, or
 * {@code UNSUPPORTED <reason>} when the engine rejects the query as not supported.
 *
 * <p>Arguments: {@code ENGINE QUERY EVENTS PARALLELISM WARMUP-EVENTS}.
 */
public final class QueryRun {
    private QueryRun() {
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: QueryRun ENGINE QUERY EVENTS PARALLELISM WARMUP-EVENTS");
            System.exit(2);
        }
        Engines engine = Engines.of(args[0]);
        String query = args[1];
        long events = Long.parseLong(args[2]);
        int parallelism = Integer.parseInt(args[3]);
        long warmupEvents = Long.parseLong(args[4]);
        try {
            if (warmupEvents > 0) {
                run(engine, query, warmupEvents, parallelism);
            }
            Span span = run(engine, query, events, parallelism);
            System.out.printf(Locale.ROOT, "RESULT %.6f %.6f%n", span.seconds(), span.cpuSeconds());
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

    private static Span run(Engines engine, String query, long events, int parallelism) {
        if (engine == Engines.GENERATOR) {
            Span.Start start = Span.start();
            long checksum = GeneratorCeiling.generate(events);
            Span span = start.stop();
            if (checksum == 42) {
                System.err.println("checksum " + checksum);
            }
            return span;
        }
        NexmarkScript script = NexmarkScript.load(query, events);
        try (EngineDriver driver = engine.driver(parallelism)) {
            for (String statement : script.ddl()) {
                driver.execute(statement);
            }
            return driver.insert(script.insert());
        }
    }
}
