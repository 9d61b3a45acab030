package io.sluice.planner.codegen;

import io.sluice.runtime.error.SluiceException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;

/**
 * {@code SEARCH(x, Sarg)}, Calcite's form of {@code IN}, {@code NOT IN} and {@code BETWEEN}. A
 * list of more than a few values (or all values but those, from {@code NOT IN}) is looked up by
 * binary search in a sorted array held by reference, so a long list neither makes a long chain
 * of comparisons nor a separate class per list. Anything else is expanded back into
 * comparisons, as is a search of an integer among floating-point numbers (each compared exactly).
 */
final class SearchGenerator implements CallGenerator {
    /** Lists up to this long are compared value by value. */
    private static final int MAX_COMPARED = 4;

    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        RexBuilder rexBuilder = new RexBuilder(generator.typeFactory());
        RexNode subject = call.getOperands().get(0);
        RexLiteral argument = (RexLiteral) call.getOperands().get(1);
        Sarg<?> sarg = argument.getValueAs(Sarg.class);
        if (sarg == null) {
            throw SluiceException.internal("SEARCH without a search argument: " + call, null);
        }
        boolean complemented = !sarg.isPoints() && sarg.isComplementedPoints();
        Sarg<?> points = complemented ? sarg.negate() : sarg;
        String javaType = JavaTypes.of(subject.getType());
        // An integer searched among floating-point numbers is compared with each exactly.
        boolean mixed = ComparisonGenerator.isIntegerAndFloating(subject.getType(), argument.getType());
        if (!points.isPoints() || points.pointCount <= MAX_COMPARED || javaType.equals("boolean") || mixed) {
            return generator.generate(RexUtil.expandSearch(rexBuilder, null, call));
        }
        GeneratedExpression value = generator.generate(subject);
        String values = generator.context().reference(sortedValues(rexBuilder, subject, points, javaType),
                arrayType(javaType));
        String probe = switch (javaType) {
            case "int", "long" -> "(long) " + value.value();
            // -0.0 + 0.0 is 0.0: SQL's -0.0 = 0.0, which Arrays.binarySearch would not find.
            case "float", "double" -> "(double) " + value.value() + " + 0.0d";
            default -> value.value();
        };
        String found = "java.util.Arrays.binarySearch(" + values + ", " + probe + ") " + (complemented ? "<" : ">=") + " 0";
        if (!value.nullable()) {
            String result = generator.context().newName("v");
            return new GeneratedExpression(value.code() + "final boolean " + result + " = " + found + ";\n", result,
                    "false", call.getType());
        }
        // A NULL subject is NULL, TRUE or FALSE as the search argument says.
        RexUnknownAs nullAs = sarg.nullAs;
        String result = generator.context().newName("v");
        String isNull = result + "_null";
        String code = value.code()
                + "final boolean " + isNull + " = " + (nullAs == RexUnknownAs.UNKNOWN ? value.isNull() : "false") + ";\n"
                + "final boolean " + result + " = " + value.isNull() + " ? " + (nullAs == RexUnknownAs.TRUE)
                + " : " + found + ";\n";
        return new GeneratedExpression(code, result, isNull, call.getType());
    }

    /** The points, as literals of the subject's type and then as a sorted Java array of its values. */
    private static Object sortedValues(RexBuilder rexBuilder, RexNode subject, Sarg<?> points, String javaType) {
        List<RexLiteral> literals = new ArrayList<>();
        RexNode expanded = RexUtil.expandSearch(rexBuilder, null,
                rexBuilder.makeCall(SqlStdOperatorTable.SEARCH, subject,
                        rexBuilder.makeSearchArgumentLiteral(withoutNulls(points), subject.getType())));
        collectEqualities(expanded, literals);
        RelDataType type = subject.getType();
        return switch (javaType) {
            case "int", "long" -> sorted(literals.stream().mapToLong(l -> integral(l, type)).toArray());
            // A REAL column holds floats: its list holds the same values, widened from floats.
            case "float" -> sorted(literals.stream().mapToDouble(l -> (double) l.getValueAs(Double.class).floatValue() + 0.0d)
                    .toArray());
            case "double" -> sorted(literals.stream().mapToDouble(l -> l.getValueAs(Double.class) + 0.0d).toArray());
            case JavaTypes.DECIMAL -> sorted(literals.stream().map(l -> l.getValueAs(BigDecimal.class))
                    .toArray(BigDecimal[]::new));
            case JavaTypes.STRING -> sorted(literals.stream().map(l -> l.getValueAs(NlsString.class).getValue())
                    .toArray(String[]::new));
            default -> throw SluiceException.internal("IN list of type " + type.getFullTypeString(), null);
        };
    }

    /** The same points with nulls unknown, so that they expand to equalities alone. */
    private static <C extends Comparable<C>> Sarg<C> withoutNulls(Sarg<C> sarg) {
        return Sarg.of(RexUnknownAs.UNKNOWN, sarg.rangeSet);
    }

    private static void collectEqualities(RexNode node, List<RexLiteral> literals) {
        if (node.getKind() == SqlKind.OR) {
            for (RexNode operand : ((RexCall) node).getOperands()) {
                collectEqualities(operand, literals);
            }
        } else if (node.getKind() == SqlKind.EQUALS && ((RexCall) node).getOperands().get(1) instanceof RexLiteral literal) {
            literals.add(literal);
        } else {
            throw SluiceException.internal("expected a comparison with a value in an IN list: " + node, null);
        }
    }

    private static long integral(RexLiteral literal, RelDataType type) {
        return type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.DATE
                ? literal.getValueAs(Integer.class)
                : literal.getValueAs(Long.class);
    }

    private static long[] sorted(long[] values) {
        Arrays.sort(values);
        return values;
    }

    private static double[] sorted(double[] values) {
        Arrays.sort(values);
        return values;
    }

    private static <T extends Comparable<? super T>> T[] sorted(T[] values) {
        Arrays.sort(values);
        return values;
    }

    private static String arrayType(String javaType) {
        return switch (javaType) {
            case "int", "long" -> "long[]";
            case "float", "double" -> "double[]";
            default -> javaType + "[]";
        };
    }
}
