package io.sluice.bench.nexmark;

import io.sluice.planner.physical.AggPhaseStrategy;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks that both engines give the same answer: runs each query's SELECT (the INSERT's query,
 * read back instead of written to the sink) on Sluice and on Flink over the same events, and
 * compares their final results as multisets: for an updating query, each engine's changelog
 * applied ({@link FinalResult}), since the changelogs themselves may differ (Flink's mini-batches
 * fold updates). Values are compared as text, with decimals in their shortest form ({@code 1.500}
 * and {@code 1.5} are one value). Columns a query leaves to chance are not compared: q9's winning
 * bid of an auction is any of the bids tied on the highest price and the earliest time, so of the
 * winner only its price and time are compared, not its bidder and extra.
 */
final class ResultVerifier {
    /** Rows of a difference shown. */
    private static final int SHOWN = 5;
    /** Per query, the columns whose values either engine may pick among equals: q9's bidder and bid_extra. */
    private static final Map<String, Set<Integer>> ARBITRARY_COLUMNS = Map.of("q9", Set.of(11, 14));

    private final PrintWriter out;

    ResultVerifier(PrintWriter out) {
        this.out = out;
    }

    /** Verifies each query; returns true if every query both engines ran gave the same rows. */
    boolean verify(List<String> queries, long events, int parallelism, AggPhaseStrategy aggPhaseStrategy) {
        boolean same = true;
        for (String query : queries) {
            NexmarkScript script = NexmarkScript.load(query, events);
            List<String> flink = rows(Engines.FLINK, script, parallelism, aggPhaseStrategy);
            List<String> sluice;
            try {
                sluice = rows(Engines.SLUICE, script, parallelism, aggPhaseStrategy);
            } catch (SluiceException e) {
                String message = e.getMessage().replace('\n', ' ');
                if (e.code() == ErrorCode.UNSUPPORTED) {
                    out.printf(Locale.ROOT, "%-4s unsupported on sluice: %s; Flink gave %,d rows%n", query, message,
                            flink.size());
                } else {
                    same = false;
                    out.printf(Locale.ROOT, "%-4s REJECTED by Sluice with SQLState %s: %s; Flink gave %,d rows%n",
                            query, e.sqlState(), message, flink.size());
                }
                out.flush();
                continue;
            }
            Map<String, Integer> difference = difference(sluice, flink);
            if (difference.isEmpty()) {
                out.printf(Locale.ROOT, "%-4s the same %,d row%s from both engines%n", query, sluice.size(),
                        sluice.size() == 1 ? "" : "s");
            } else {
                same = false;
                out.printf(Locale.ROOT, "%-4s DIFFERENT: Sluice gave %,d rows, Flink %,d%n", query, sluice.size(),
                        flink.size());
                show("only from Sluice", difference, 1);
                show("only from Flink", difference, -1);
            }
            out.flush();
        }
        return same;
    }

    private static List<String> rows(Engines engine, NexmarkScript script, int parallelism,
                                     AggPhaseStrategy aggPhaseStrategy) {
        try (EngineDriver driver = engine.driver(parallelism, aggPhaseStrategy, Checkpointing.OFF)) {
            for (String statement : script.ddl()) {
                driver.execute(statement);
            }
            List<String> rows = new ArrayList<>();
            for (List<Object> row : driver.query(script.select())) {
                rows.add(comparable(script.query(), row));
            }
            Collections.sort(rows);
            return rows;
        }
    }

    /** A row as text, without the columns whose values the query leaves to chance. */
    static String comparable(String query, List<Object> row) {
        Set<Integer> arbitrary = ARBITRARY_COLUMNS.getOrDefault(query, Set.of());
        List<String> values = new ArrayList<>();
        for (int column = 0; column < row.size(); column++) {
            values.add(arbitrary.contains(column) ? "*" : text(row.get(column)));
        }
        return String.join("|", values);
    }

    /** For each row, how many more times Sluice gave it than Flink (negative: fewer); rows given alike are left out. */
    static Map<String, Integer> difference(List<String> sluice, List<String> flink) {
        Map<String, Integer> counts = new HashMap<>();
        sluice.forEach(row -> counts.merge(row, 1, Integer::sum));
        flink.forEach(row -> counts.merge(row, -1, Integer::sum));
        counts.values().removeIf(count -> count == 0);
        return counts;
    }

    /** A value as text, the same for both engines' Java types. */
    static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private void show(String title, Map<String, Integer> difference, int sign) {
        List<String> rows = difference.entrySet().stream().filter(e -> Integer.signum(e.getValue()) == sign)
                .map(e -> e.getKey() + (Math.abs(e.getValue()) > 1 ? " (" + Math.abs(e.getValue()) + " times)" : ""))
                .sorted().toList();
        if (rows.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "     %s: %,d distinct rows, e.g.%n", title, rows.size());
        rows.stream().limit(SHOWN).forEach(row -> out.println("       " + row));
    }
}
