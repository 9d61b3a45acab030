package io.sluice.bench;

import static java.util.Objects.requireNonNull;

import io.sluice.bench.nexmark.Span;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Timed runs over the same work, each handling {@code items} rows or records: the median rate
 * per wall second, and per core, which is per CPU second of the whole process (every thread).
 */
public record Throughput(long items, List<Span> runs) {
    public Throughput {
        requireNonNull(runs, "runs is null");
        runs = List.copyOf(runs);
        if (items < 1 || runs.isEmpty()) {
            throw new IllegalArgumentException("a throughput needs items and runs: " + items + " items, "
                    + runs.size() + " runs");
        }
    }

    /** Items per second of wall time: the median over the runs. */
    public double perSecond() {
        return median(span -> items / span.seconds());
    }

    /** Items per CPU second of the process: the median over the runs. */
    public double perCore() {
        return median(span -> items / span.cpuSeconds());
    }

    public double slowestPerSecond() {
        return runs.stream().mapToDouble(span -> items / span.seconds()).min().orElseThrow();
    }

    public double fastestPerSecond() {
        return runs.stream().mapToDouble(span -> items / span.seconds()).max().orElseThrow();
    }

    private double median(ToDoubleFunction<Span> rate) {
        double[] rates = runs.stream().mapToDouble(rate).sorted().toArray();
        int middle = rates.length / 2;
        return rates.length % 2 == 1 ? rates[middle] : (rates[middle - 1] + rates[middle]) / 2;
    }
}
