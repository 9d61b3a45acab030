package io.sluice.bench.nexmark;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.List;

/**
 * A measured stretch of a run: wall seconds, and the CPU seconds the whole process used over it
 * (every thread: the engine's, the garbage collector's, the JIT compiler's), so that per-core
 * figures count everything the run cost.
 */
public record Span(double seconds, double cpuSeconds) {
    /** The span of median CPU seconds (the lower of the two middle ones of an even count). */
    public static Span medianByCpu(List<Span> spans) {
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("no spans");
        }
        List<Span> sorted = spans.stream().sorted(Comparator.comparingDouble(Span::cpuSeconds)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    public static Start start() {
        return new Start(System.nanoTime(), processCpuNanos());
    }

    /** The beginning of a span being measured. */
    public record Start(long wallNanos, long cpuNanos) {
        public Span stop() {
            return new Span((System.nanoTime() - wallNanos) / 1e9, (processCpuNanos() - cpuNanos) / 1e9);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
