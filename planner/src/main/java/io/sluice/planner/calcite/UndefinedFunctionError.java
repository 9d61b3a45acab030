package io.sluice.planner.calcite;

import io.sluice.planner.type.FlinkTypeNames;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The error of a call of a function that does not exist, or not for its arguments' types:
 * {@code 42883 line L, column C: no function X(STRING, INT); did you mean LPAD(STRING, INT, STRING)?},
 * with the signatures of the function of that name, or else of functions of similar names.
 */
final class UndefinedFunctionError {
    private static final int MAX_DISTANCE = 2;
    private static final int MAX_SIGNATURES = 4;

    private UndefinedFunctionError() {
    }

    static SluiceException of(SqlCall call, String name, List<RelDataType> argumentTypes) {
        String arguments = argumentTypes.stream()
                .map(t -> t == null ? "?" : FlinkTypeNames.name(t))
                .collect(Collectors.joining(", "));
        StringBuilder message = new StringBuilder("no function ").append(name).append('(').append(arguments).append(')');
        List<String> candidates = candidates(name);
        if (!candidates.isEmpty()) {
            message.append("; did you mean ").append(String.join(" or ", candidates)).append('?');
        }
        SqlParserPos pos = call.getParserPosition();
        return new SluiceException(ErrorCode.UNDEFINED_FUNCTION, message.toString(), pos.getLineNum(),
                pos.getColumnNum(), null);
    }

    /**
     * The signatures of the function of that name, or else of the nearest names: one edit away for
     * a name of up to five letters, two for a longer one; at most four signatures.
     */
    private static List<String> candidates(String name) {
        FunctionCatalog.Function same = FunctionCatalog.find(name);
        if (same != null) {
            return same.signatures();
        }
        String upper = name.toUpperCase(Locale.ROOT);
        int allowed = upper.length() <= 5 ? 1 : MAX_DISTANCE;
        List<FunctionCatalog.Function> near = new ArrayList<>();
        for (FunctionCatalog.Function function : FunctionCatalog.all()) {
            if (distance(upper, function.name()) <= allowed) {
                near.add(function);
            }
        }
        near.sort(Comparator.comparingInt(f -> distance(upper, f.name())));
        return near.stream().flatMap(f -> f.signatures().stream()).limit(MAX_SIGNATURES).toList();
    }

    /** The edit distance between two names (insertions, deletions and substitutions). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
