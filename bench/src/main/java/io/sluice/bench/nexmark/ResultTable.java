package io.sluice.bench.nexmark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The runner's results: for each query and engine its whole runs at {@code N} and {@code 2N}
 * events and the marginal cost between them, each with Sluice's events per second per core over
 * Flink's; the check that both engines' sinks received the same rows; and the same figures as CSV.
 */
final class ResultTable {
    static final String CSV_HEADER = "query,engine,parallelism,run,events,seconds,cpu_seconds,cpu_ns_per_event,"
            + "events_per_sec,events_per_sec_per_core,final_rows,changelog_rows";

    private static final String FORMAT = "%-6s %-9s %-8s %12s %8s %13s %8s %8s %13s %12s %12s";
    private static final String RATIO_FORMAT = "%-6s %10s %10s %10s";
    private static final String NONE = "-";

    private final List<RunOutcome> outcomes = new ArrayList<>();

    void add(RunOutcome outcome) {
        outcomes.add(outcome);
    }

    /** Sluice's events per second per core over Flink's in whole runs over {@code events} events, if both ran them. */
    Optional<Double> wholeRatio(String query, long events) {
        Optional<Measurement> sluice = measured(query, Engines.SLUICE).flatMap(m -> ofSize(m, events));
        Optional<Measurement> flink = measured(query, Engines.FLINK).flatMap(m -> ofSize(m, events));
        if (sluice.isEmpty() || flink.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sluice.get().eventsPerSecondPerCore() / flink.get().eventsPerSecondPerCore());
    }

    /** Sluice's marginal events per second per core over Flink's, if both ran the query and both costs were measurable. */
    Optional<Double> marginalRatio(String query) {
        Optional<Marginal> sluice = measured(query, Engines.SLUICE).map(RunOutcome.Measured::marginal)
                .filter(Marginal::measurable);
        Optional<Marginal> flink = measured(query, Engines.FLINK).map(RunOutcome.Measured::marginal)
                .filter(Marginal::measurable);
        if (sluice.isEmpty() || flink.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sluice.get().eventsPerSecondPerCore() / flink.get().eventsPerSecondPerCore());
    }

    /** True if a marginal ratio of the query rests on a difference too small for the CPU clock's steps. */
    boolean impreciseMarginal(String query) {
        return outcomes.stream()
                .anyMatch(o -> o.query().equals(query) && o instanceof RunOutcome.Measured measured
                        && measured.marginal().measurable() && !measured.marginal().precise());
    }

    /** For a query both engines ran, each size at which their sinks' final results differ in size. */
    List<String> rowMismatches(String query) {
        Optional<RunOutcome.Measured> sluice = measured(query, Engines.SLUICE);
        Optional<RunOutcome.Measured> flink = measured(query, Engines.FLINK);
        if (sluice.isEmpty() || flink.isEmpty()) {
            return List.of();
        }
        return RowCountCheck.mismatches(sluice.get(), flink.get());
    }

    /** The queries whose figures cannot be trusted: a run failed, or the engines' sinks got different rows. */
    List<String> invalidQueries() {
        return outcomes.stream().map(RunOutcome::query).distinct()
                .filter(query -> !rowMismatches(query).isEmpty() || outcomes.stream()
                        .anyMatch(o -> o.query().equals(query) && o instanceof RunOutcome.Failed))
                .toList();
    }

    /** The whole table: its header, every query's runs, and the ratios. */
    void print(PrintWriter out) {
        printHeader(out);
        outcomes.stream().map(RunOutcome::query).distinct().forEach(query -> printQuery(out, query));
        printRatios(out);
    }

    void printHeader(PrintWriter out) {
        out.println(String.format(Locale.ROOT, FORMAT, "query", "engine", "run", "events", "seconds", "events/s",
                "cpu s", "ns/event", "events/s/core", "final rows", "sluice/flink"));
        out.flush();
    }

    /** The lines of one query's runs, in the order they were added, then whether both engines' sinks got the same rows. */
    void printQuery(PrintWriter out, String query) {
        for (RunOutcome outcome : outcomes) {
            if (!outcome.query().equals(query)) {
                continue;
            }
            if (outcome instanceof RunOutcome.Measured measured) {
                printWhole(out, measured.single());
                printWhole(out, measured.doubled());
                printMarginal(out, measured.marginal());
            } else if (outcome instanceof RunOutcome.Unsupported unsupported) {
                out.printf(Locale.ROOT, "%-6s %-9s unsupported on %s: %s%n", query, unsupported.engine(),
                        unsupported.engine(), unsupported.reason());
            } else if (outcome instanceof RunOutcome.Failed failed) {
                out.printf(Locale.ROOT, "%-6s %-9s FAILED (%s): see %s%n", query, failed.engine(), failed.reason(),
                        failed.log());
            }
        }
        Optional<RunOutcome.Measured> sluice = measured(query, Engines.SLUICE);
        Optional<RunOutcome.Measured> flink = measured(query, Engines.FLINK);
        if (sluice.isPresent() && flink.isPresent()) {
            List<String> mismatches = rowMismatches(query);
            if (mismatches.isEmpty()) {
                out.printf(Locale.ROOT, "%-6s rows: both engines' sinks got final results of %s and %s rows%n", query,
                        count(sluice.get().single().rows().finalRows()), count(sluice.get().doubled().rows().finalRows()));
            } else {
                for (String mismatch : mismatches) {
                    out.printf(Locale.ROOT, "%-6s INVALID: the engines' sinks got different rows: %s%n", query, mismatch);
                }
            }
        }
        out.flush();
    }

    /** Sluice's events per second per core over Flink's for each query both ran: whole runs of both sizes, and marginal. */
    void printRatios(PrintWriter out) {
        List<String> queries = outcomes.stream().map(RunOutcome::query).distinct()
                .filter(query -> measured(query, Engines.SLUICE).isPresent() && measured(query, Engines.FLINK).isPresent())
                .toList();
        if (queries.isEmpty()) {
            return;
        }
        out.println("Sluice's events/s per core over Flink's, in whole runs of N and 2N events and in the marginal cost:");
        out.println(String.format(Locale.ROOT, RATIO_FORMAT, "query", "whole N", "whole 2N", "marginal"));
        for (String query : queries) {
            RunOutcome.Measured sluice = measured(query, Engines.SLUICE).orElseThrow();
            out.println(String.format(Locale.ROOT, RATIO_FORMAT, query,
                    ratio(wholeRatio(query, sluice.single().events())),
                    ratio(wholeRatio(query, sluice.doubled().events())), marginalRatioText(query)));
        }
        if (queries.stream().anyMatch(this::impreciseMarginal)) {
            out.printf(Locale.ROOT, "~: a marginal cost of less than %.1f CPU s, told only roughly: the process CPU "
                    + "clock counts in steps of 10 ms; use more --events%n", Marginal.PRECISE_CPU_SECONDS);
        }
        out.flush();
    }

    /** Writes the measured runs as CSV, replacing the file: each engine's whole runs and marginal cost. */
    void writeCsv(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        List<String> lines = new ArrayList<>();
        lines.add(CSV_HEADER);
        for (RunOutcome outcome : outcomes) {
            if (outcome instanceof RunOutcome.Measured measured) {
                for (Measurement m : List.of(measured.single(), measured.doubled())) {
                    lines.add(String.format(Locale.ROOT, "%s,%s,%d,whole,%d,%.3f,%.3f,%.3f,%.0f,%.0f,%d,%d", m.query(),
                            m.engine(), m.parallelism(), m.events(), m.seconds(), m.cpuSeconds(),
                            m.cpuSecondsPerEvent() * 1e9, m.eventsPerSecond(), m.eventsPerSecondPerCore(),
                            m.rows().finalRows(), m.rows().changes()));
                }
                Marginal marginal = measured.marginal();
                lines.add(String.format(Locale.ROOT, "%s,%s,%d,marginal,%d,%.3f,%.3f,%s,%s,%s,,", marginal.query(),
                        marginal.engine(), measured.single().parallelism(), marginal.events(), marginal.seconds(),
                        marginal.cpuSeconds(), ifMeasurable(marginal, m -> String.format(Locale.ROOT, "%.3f",
                                m.cpuSecondsPerEvent() * 1e9), ""),
                        marginal.seconds() > 0 ? String.format(Locale.ROOT, "%.0f", marginal.events() / marginal.seconds())
                                : "",
                        ifMeasurable(marginal, m -> String.format(Locale.ROOT, "%.0f", m.eventsPerSecondPerCore()), "")));
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private void printWhole(PrintWriter out, Measurement m) {
        String ratio = m.engine().equals(Engines.SLUICE.id()) ? ratio(wholeRatio(m.query(), m.events())) : "";
        String rows = m.engine().equals(Engines.GENERATOR.id()) ? NONE : count(m.rows().finalRows());
        out.println(String.format(Locale.ROOT, FORMAT, m.query(), m.engine(), "whole", count(m.events()),
                String.format(Locale.ROOT, "%.2f", m.seconds()), count(Math.round(m.eventsPerSecond())),
                String.format(Locale.ROOT, "%.2f", m.cpuSeconds()),
                String.format(Locale.ROOT, "%.1f", m.cpuSecondsPerEvent() * 1e9),
                count(Math.round(m.eventsPerSecondPerCore())), rows, ratio).stripTrailing());
    }

    private void printMarginal(PrintWriter out, Marginal m) {
        String ratio = m.engine().equals(Engines.SLUICE.id()) ? marginalRatioText(m.query()) : "";
        out.println(String.format(Locale.ROOT, FORMAT, m.query(), m.engine(), "marginal", count(m.events()),
                String.format(Locale.ROOT, "%.2f", m.seconds()),
                m.seconds() > 0 ? count(Math.round(m.events() / m.seconds())) : NONE,
                String.format(Locale.ROOT, "%.2f", m.cpuSeconds()),
                ifMeasurable(m, marginal -> String.format(Locale.ROOT, "%.1f", marginal.cpuSecondsPerEvent() * 1e9)),
                ifMeasurable(m, marginal -> count(Math.round(marginal.eventsPerSecondPerCore()))), NONE, ratio)
                .stripTrailing());
    }

    private static String ifMeasurable(Marginal marginal, Function<Marginal, String> figure) {
        return ifMeasurable(marginal, figure, NONE);
    }

    private static String ifMeasurable(Marginal marginal, Function<Marginal, String> figure, String otherwise) {
        return marginal.measurable() ? figure.apply(marginal) : otherwise;
    }

    private Optional<RunOutcome.Measured> measured(String query, Engines engine) {
        for (RunOutcome outcome : outcomes) {
            if (outcome instanceof RunOutcome.Measured measured && measured.query().equals(query)
                    && measured.engine().equals(engine.id())) {
                return Optional.of(measured);
            }
        }
        return Optional.empty();
    }

    private static Optional<Measurement> ofSize(RunOutcome.Measured measured, long events) {
        return measured.single().events() == events ? Optional.of(measured.single())
                : measured.doubled().events() == events ? Optional.of(measured.doubled()) : Optional.empty();
    }

    /** The marginal ratio, marked {@code ~} when it is imprecise. */
    private String marginalRatioText(String query) {
        String ratio = ratio(marginalRatio(query));
        return marginalRatio(query).isPresent() && impreciseMarginal(query) ? "~" + ratio : ratio;
    }

    private static String ratio(Optional<Double> ratio) {
        return ratio.map(r -> String.format(Locale.ROOT, "%.2fx", r)).orElse(NONE);
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
