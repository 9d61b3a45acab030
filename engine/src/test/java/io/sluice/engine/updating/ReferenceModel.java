package io.sluice.engine.updating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Final results of updating queries computed the plain way, over the rows a changelog leaves,
 * written apart from the engine so that the engine can be checked against it. Rows are
 * {@code (k, v)} pairs of a text key and a number; results are formatted as the engine's rows are,
 * {@code a|3}, with {@code NULL} for null.
 */
final class ReferenceModel {
    record Row(String k, long v) {
    }

    private ReferenceModel() {
    }

    /** {@code SELECT k, COUNT(*), SUM(v), MIN(v), MAX(v) FROM t GROUP BY k}. */
    static List<String> aggregate(List<Row> rows) {
        Map<String, List<Long>> groups = new TreeMap<>();
        for (Row row : rows) {
            groups.computeIfAbsent(row.k(), k -> new ArrayList<>()).add(row.v());
        }
        List<String> result = new ArrayList<>();
        groups.forEach((k, values) -> result.add(k + "|" + values.size() + "|"
                + values.stream().mapToLong(Long::longValue).sum() + "|"
                + values.stream().mapToLong(Long::longValue).min().getAsLong() + "|"
                + values.stream().mapToLong(Long::longValue).max().getAsLong()));
        return sorted(result);
    }

    /** {@code SELECT l.k, l.v, r.v FROM l <kind> JOIN r ON l.k = r.k}, kind INNER, LEFT or FULL. */
    static List<String> join(List<Row> left, List<Row> right, String kind) {
        List<String> result = new ArrayList<>();
        boolean[] rightMatched = new boolean[right.size()];
        for (Row l : left) {
            boolean matched = false;
            for (int i = 0; i < right.size(); i++) {
                if (right.get(i).k().equals(l.k())) {
                    result.add(l.k() + "|" + l.v() + "|" + right.get(i).v());
                    matched = true;
                    rightMatched[i] = true;
                }
            }
            if (!matched && !kind.equals("INNER")) {
                result.add(l.k() + "|" + l.v() + "|NULL");
            }
        }
        if (kind.equals("FULL")) {
            for (int i = 0; i < right.size(); i++) {
                if (!rightMatched[i]) {
                    result.add("NULL|NULL|" + right.get(i).v());
                }
            }
        }
        return sorted(result);
    }

    /**
     * {@code SELECT k, v FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn
     * FROM t) WHERE rn <= n}; values are distinct within a key, so the ranking has no ties.
     */
    static List<String> topN(List<Row> rows, int n) {
        Map<String, List<Long>> partitions = rows.stream().collect(Collectors.groupingBy(Row::k,
                Collectors.mapping(Row::v, Collectors.toList())));
        List<String> result = new ArrayList<>();
        partitions.forEach((k, values) -> values.stream().sorted(Comparator.reverseOrder()).limit(n)
                .forEach(v -> result.add(k + "|" + v)));
        return sorted(result);
    }

    static List<String> sorted(List<String> rows) {
        List<String> copy = new ArrayList<>(rows);
        copy.sort(null);
        return copy;
    }
}
