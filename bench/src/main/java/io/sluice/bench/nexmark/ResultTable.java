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

/**
 * The runner's results: a table for people, with each query's Sluice/Flink ratio of events per
 * second per core, and the same figures as CSV.
 */
final class ResultTable {
    static final String CSV_HEADER =
            "query,engine,parallelism,events,seconds,cpu_seconds,events_per_sec,events_per_sec_per_core";

    private static final String FORMAT = "%-6s %-9s %12s %9s %13s %9s %15s %13s";

    private final List<RunOutcome> outcomes = new ArrayList<>();

    void add(RunOutcome outcome) {
        outcomes.add(outcome);
    }

    /** Sluice's events per second per core over Flink's, for a query both ran. */
    Optional<Double> ratio(String query) {
        Optional<Measurement> sluice = measurement(query, Engines.SLUICE.id());
        Optional<Measurement> flink = measurement(query, Engines.FLINK.id());
        if (sluice.isEmpty() || flink.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sluice.get().eventsPerSecondPerCore() / flink.get().eventsPerSecondPerCore());
    }

    /** The whole table: its header and every run. */
    void print(PrintWriter out) {
        printHeader(out);
        printRows(out, outcomes.stream().map(RunOutcome::query).distinct().toList());
    }

    void printHeader(PrintWriter out) {
        out.println(String.format(Locale.ROOT, FORMAT, "query", "engine", "events", "seconds", "events/s", "cpu s",
                "events/s/core", "sluice/flink"));
        out.flush();
    }

    /** The rows of these queries' runs, in the order they were added. */
    void printRows(PrintWriter out, List<String> queries) {
        for (RunOutcome outcome : outcomes) {
            if (!queries.contains(outcome.query())) {
                continue;
            }
            if (outcome instanceof RunOutcome.Measured measured) {
                Measurement m = measured.measurement();
                String ratio = m.engine().equals(Engines.SLUICE.id())
                        ? ratio(m.query()).map(r -> String.format(Locale.ROOT, "%.2fx", r)).orElse("")
                        : "";
                out.println(String.format(Locale.ROOT, FORMAT, m.query(), m.engine(), count(m.events()),
                        String.format(Locale.ROOT, "%.2f", m.seconds()), count(Math.round(m.eventsPerSecond())),
                        String.format(Locale.ROOT, "%.2f", m.cpuSeconds()),
                        count(Math.round(m.eventsPerSecondPerCore())), ratio).stripTrailing());
            } else if (outcome instanceof RunOutcome.Unsupported unsupported) {
                out.printf(Locale.ROOT, "%-6s %-9s not supported: %s%n", unsupported.query(), unsupported.engine(),
                        unsupported.reason());
            } else if (outcome instanceof RunOutcome.Failed failed) {
                out.printf(Locale.ROOT, "%-6s %-9s FAILED (%s): see %s%n", failed.query(), failed.engine(),
                        failed.reason(), failed.log());
            }
        }
        out.flush();
    }

    /** Writes the measured runs as CSV, replacing the file. */
    void writeCsv(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        List<String> lines = new ArrayList<>();
        lines.add(CSV_HEADER);
        for (RunOutcome outcome : outcomes) {
            if (outcome instanceof RunOutcome.Measured measured) {
                Measurement m = measured.measurement();
                lines.add(String.format(Locale.ROOT, "%s,%s,%d,%d,%.3f,%.3f,%.0f,%.0f", m.query(), m.engine(),
                        m.parallelism(), m.events(), m.seconds(), m.cpuSeconds(), m.eventsPerSecond(),
                        m.eventsPerSecondPerCore()));
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private Optional<Measurement> measurement(String query, String engine) {
        for (RunOutcome outcome : outcomes) {
            if (outcome instanceof RunOutcome.Measured measured && measured.query().equals(query)
                    && measured.engine().equals(engine)) {
                return Optional.of(measured.measurement());
            }
        }
        return Optional.empty();
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
