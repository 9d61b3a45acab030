package io.sluice.planner.calcite;

import io.sluice.planner.codegen.GeneratedFunctions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWindowTableFunction;

/**
 * The functions a query may call, as SHOW FUNCTIONS and DESCRIBE FUNCTION list them and as an
 * unknown call's error suggests them: the functions of the operator table that Sluice runs
 * (scalar ones the code generators compile, or that Calcite rewrites into ones they do), the
 * aggregates it accumulates and its window table functions, each with its signatures.
 */
public final class FunctionCatalog {
    /** Standard functions Calcite rewrites into others before code is generated (YEAR into EXTRACT …). */
    private static final Set<String> REWRITTEN = Set.of("YEAR", "QUARTER", "MONTH", "WEEK", "DAYOFYEAR", "DAYOFMONTH",
            "DAYOFWEEK", "HOUR", "MINUTE", "SECOND", "NULLIF", "TIMESTAMPADD", "TIMESTAMPDIFF", "CHARACTER_LENGTH");
    /** The aggregates Sluice's accumulators compute (codegen.Accumulators). */
    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "FIRST_VALUE",
            "LAST_VALUE", "LISTAGG", "VAR_POP", "VAR_SAMP", "VARIANCE", "STDDEV_POP", "STDDEV_SAMP", "STDDEV",
            "COVAR_POP", "COVAR_SAMP", "CORR", "REGR_SLOPE", "REGR_INTERCEPT", "REGR_SXX", "REGR_SYY", "REGR_COUNT");
    /** The ranking functions of an OVER window that Sluice plans as a Top-N or a deduplication. */
    private static final Set<String> RANKING = Set.of("ROW_NUMBER", "RANK", "DENSE_RANK");
    private static final Pattern FAMILY = Pattern.compile("<([A-Z_ ]+)>");

    /** A function: its name, kind (SCALAR, AGGREGATE, WINDOW or TABLE) and signatures such as {@code LPAD(STRING, INT, STRING)}. */
    public record Function(String name, String kind, List<String> signatures) {
    }

    private static final List<Function> ALL = build();

    private FunctionCatalog() {
    }

    /** Every function, by name. */
    public static List<Function> all() {
        return ALL;
    }

    /** The function of that name (in any case), or null. */
    public static Function find(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return ALL.stream().filter(f -> f.name().equals(upper)).findFirst().orElse(null);
    }

    /** The signatures Calcite gives an operator, in Flink's type names. */
    static List<String> signatures(SqlOperator operator) {
        List<String> signatures = new ArrayList<>();
        String allowed;
        try {
            allowed = operator.getAllowedSignatures();
        } catch (RuntimeException e) {
            allowed = operator.getName() + "(…)";
        }
        for (String line : allowed.split("\n")) {
            String signature = line.trim().replace("'", "");
            if (!signature.isEmpty()) {
                signatures.add(flinkFamilies(signature));
            }
        }
        return signatures;
    }

    private static String flinkFamilies(String signature) {
        Matcher matcher = FAMILY.matcher(signature);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String family = switch (matcher.group(1)) {
                case "CHARACTER", "STRING" -> "STRING";
                case "INTEGER" -> "INT";
                case "DATETIME" -> "DATE | TIME | TIMESTAMP";
                case "DATETIME_INTERVAL" -> "INTERVAL";
                default -> matcher.group(1);
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(family));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static List<Function> build() {
        TreeMap<String, Function> byName = new TreeMap<>();
        for (SqlOperator operator : SluiceOperatorTable.create().getOperatorList()) {
            String kind = kind(operator);
            if (kind == null) {
                continue;
            }
            String name = operator.getName();
            Function known = byName.get(name);
            List<String> signatures = new ArrayList<>(known == null ? List.of() : known.signatures());
            for (String signature : signatures(operator)) {
                if (!signatures.contains(signature)) {
                    signatures.add(signature);
                }
            }
            byName.put(name, new Function(name, kind, List.copyOf(signatures)));
        }
        List<Function> all = new ArrayList<>(byName.values());
        all.sort(Comparator.comparing(Function::name));
        return List.copyOf(all);
    }

    /** SCALAR, AGGREGATE, WINDOW or TABLE for a function Sluice runs; null otherwise. */
    private static String kind(SqlOperator operator) {
        if (operator instanceof SqlWindowTableFunction) {
            return "TABLE";
        }
        if (operator instanceof SqlAggFunction) {
            return AGGREGATES.contains(operator.getName()) ? "AGGREGATE"
                    : RANKING.contains(operator.getName()) ? "WINDOW" : null;
        }
        if (!(operator instanceof SqlFunction) || operator.getName().startsWith("$")) {
            return null;
        }
        return GeneratedFunctions.isGenerated(operator) || REWRITTEN.contains(operator.getName()) ? "SCALAR" : null;
    }
}
