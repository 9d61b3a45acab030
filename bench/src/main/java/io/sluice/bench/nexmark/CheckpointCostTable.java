package io.sluice.bench.nexmark;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/**
 * What checkpoints cost a query on one engine: its runs without and with them, side by side, in
 * events per second per core over whole runs of {@code N} and {@code 2N} events and at the
 * marginal cost, the cost in per cent of CPU time, and the checkpoints each run with them
 * completed (their number, median duration and size, where the engine tells them).
 */
final class CheckpointCostTable {
    private static final String FORMAT = "%-6s %-7s %-9s %12s %14s %14s %7s %6s %8s %12s";
    private static final String NONE = "-";

    private boolean invalid;

    void printHeader(PrintWriter out) {
        out.println(String.format(Locale.ROOT, FORMAT, "query", "engine", "run", "events", "off ev/s/core",
                "on ev/s/core", "cost", "ckpts", "median", "median size"));
        out.flush();
    }

    /** One query on one engine, run without checkpoints ({@code off}) and with them ({@code on}). */
    void print(PrintWriter out, String query, String engine, RunOutcome off, RunOutcome on) {
        if (!(off instanceof RunOutcome.Measured without) || !(on instanceof RunOutcome.Measured with)) {
            invalid = true;
            for (RunOutcome outcome : new RunOutcome[] {off, on}) {
                if (outcome instanceof RunOutcome.Failed failed) {
                    out.printf(Locale.ROOT, "%-6s %-7s FAILED (%s): see %s%n", query, engine, failed.reason(),
                            failed.log());
                } else if (outcome instanceof RunOutcome.Unsupported unsupported) {
                    out.printf(Locale.ROOT, "%-6s %-7s unsupported: %s%n", query, engine, unsupported.reason());
                }
            }
            out.flush();
            return;
        }
        printWhole(out, without.single(), with.single());
        printWhole(out, without.doubled(), with.doubled());
        Marginal marginalOff = without.marginal();
        Marginal marginalOn = with.marginal();
        out.println(String.format(Locale.ROOT, FORMAT, query, engine, "marginal", count(marginalOff.events()),
                marginalOff.measurable() ? count(Math.round(marginalOff.eventsPerSecondPerCore())) : NONE,
                marginalOn.measurable() ? count(Math.round(marginalOn.eventsPerSecondPerCore())) : NONE,
                marginalOff.measurable() ? cost(marginalOff.cpuSeconds(), marginalOn.cpuSeconds()) : NONE,
                "", "", "").stripTrailing());
        out.flush();
    }

    /** True if a run failed or was refused, so that some cost could not be told. */
    boolean invalid() {
        return invalid;
    }

    private static void printWhole(PrintWriter out, Measurement off, Measurement on) {
        Optional<CheckpointSummary> checkpoints = on.checkpoints();
        out.println(String.format(Locale.ROOT, FORMAT, off.query(), off.engine(), "whole", count(off.events()),
                count(Math.round(off.eventsPerSecondPerCore())), count(Math.round(on.eventsPerSecondPerCore())),
                cost(off.cpuSeconds(), on.cpuSeconds()),
                checkpoints.map(c -> Integer.toString(c.completed())).orElse("?"),
                checkpoints.filter(c -> c.completed() > 0).map(c -> c.medianMillis() + " ms").orElse(NONE),
                checkpoints.filter(c -> c.completed() > 0).map(c -> bytes(c.medianBytes())).orElse(NONE)));
    }

    /** The CPU time the run with checkpoints took more, in per cent of the run without. */
    private static String cost(double offCpuSeconds, double onCpuSeconds) {
        return String.format(Locale.ROOT, "%+.1f%%", (onCpuSeconds - offCpuSeconds) / offCpuSeconds * 100);
    }

    private static String bytes(long bytes) {
        return bytes < 10_000 ? bytes + " B" : bytes < 10_000_000 ? String.format(Locale.ROOT, "%,d kB", bytes / 1000)
                : String.format(Locale.ROOT, "%,d MB", bytes / 1_000_000);
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
