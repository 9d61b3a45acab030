package io.sluice.bench.nexmark;

import static java.util.Objects.requireNonNull;

/**
 * What the second {@code N} events of a run of {@code 2N} cost over a run of {@code N}: the
 * difference of the two runs' median seconds and CPU seconds. A run's fixed costs (planning and
 * code generation, a job's start and teardown, classes generated per job) are the same at both
 * sizes and cancel out, whichever engine pays them and wherever its measured span begins, so the
 * marginal figures compare the engines' cost per event alone.
 *
 * @param events     the events the larger run has over the smaller
 * @param seconds    the wall seconds it took longer (may be negative on a noisy machine)
 * @param cpuSeconds the CPU seconds it used more (may be zero or negative on a noisy machine)
 */
record Marginal(String query, String engine, long events, double seconds, double cpuSeconds) {
    /**
     * The least difference of CPU seconds told precisely enough. The JDK reads a process's CPU
     * time on Linux in the kernel's clock ticks, steps of 10 ms, so a difference of two readings
     * may be off by 20 ms: 4% of half a second.
     */
    static final double PRECISE_CPU_SECONDS = 0.5;

    Marginal {
        requireNonNull(query, "query is null");
        requireNonNull(engine, "engine is null");
        if (events <= 0) {
            throw new IllegalArgumentException("the larger run must have more events: " + events);
        }
    }

    /** The marginal figures of a run of {@code single} events and one of more, {@code larger}. */
    static Marginal between(Measurement single, Measurement larger) {
        if (!single.query().equals(larger.query()) || !single.engine().equals(larger.engine())) {
            throw new IllegalArgumentException("runs of different queries or engines: " + single + ", " + larger);
        }
        return new Marginal(single.query(), single.engine(), larger.events() - single.events(),
                larger.seconds() - single.seconds(), larger.cpuSeconds() - single.cpuSeconds());
    }

    /** False when the larger run did not use more CPU time: then no cost per event can be told. */
    boolean measurable() {
        return cpuSeconds > 0;
    }

    /** True if the larger run used enough more CPU time for the steps of the CPU clock not to matter. */
    boolean precise() {
        return cpuSeconds >= PRECISE_CPU_SECONDS;
    }

    double cpuSecondsPerEvent() {
        return cpuSeconds / events;
    }

    /** The events one core handles per second at the marginal cost. */
    double eventsPerSecondPerCore() {
        return events / cpuSeconds;
    }
}
