package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * {@code COUNT(*)}, {@code COUNT(x)} (rows where x is not null) and {@code REGR_COUNT}-style counts;
 * and {@code $SUM0(n)} of integers, as the global step of a two-phase {@code COUNT} adds up partial
 * counts: the same one field, 0 for no rows, increased by each value instead of by one.
 */
final class CountAccumulator extends AccumulatorCode {
    private final int count;
    private final boolean addsArgument;

    /** @param addsArgument whether a row adds its (first) argument's value rather than one ({@code $SUM0}) */
    CountAccumulator(StateFields fields, boolean addsArgument) {
        this.count = fields.addLong();
        this.addsArgument = addsArgument;
    }

    private String step(List<GeneratedExpression> args) {
        return addsArgument ? args.get(0).value() : "1";
    }

    @Override
    String accumulate(List<GeneratedExpression> args, String g) {
        return whenCounted(args, l(count) + "[" + g + "] += " + step(args) + ";\n");
    }

    /** The statements run for a row whose arguments are all non-null. */
    private static String whenCounted(List<GeneratedExpression> args, String statements) {
        String nulls = args.stream().filter(GeneratedExpression::nullable).map(a -> "!" + a.isNull())
                .reduce((a, b) -> a + " && " + b).orElse("");
        return nulls.isEmpty() ? statements : "if (" + nulls + ") {\n" + statements + "}\n";
    }

    @Override
    String retract(List<GeneratedExpression> args, String g) {
        return whenCounted(args, l(count) + "[" + g + "] -= " + step(args) + ";\n");
    }

    @Override
    String merge(String t, String s) {
        return "t" + l(count) + "[" + t + "] += s" + l(count) + "[" + s + "];\n";
    }

    @Override
    String emit(String g, String vector, String row, RelDataType resultType) {
        return VectorSetters.set(resultType, vector, row, l(count) + "[" + g + "]", "false");
    }
}
