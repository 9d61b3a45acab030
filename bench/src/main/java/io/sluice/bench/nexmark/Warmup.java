package io.sluice.bench.nexmark;

/**
 * How a forked run warms up before it is measured: runs over {@code events} events each, at
 * least one, repeated until {@code seconds} have passed; none when {@code events} is 0.
 */
record Warmup(long events, long seconds) {
    Warmup {
        if (events < 0 || seconds < 0) {
            throw new IllegalArgumentException("a warm-up of " + events + " events and " + seconds + " seconds");
        }
    }
}
