package io.sluice.planner.codegen;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;

/** Which generator compiles which call: by the call's kind, or for functions by name. */
final class CallGenerators {
    private static final Map<SqlKind, CallGenerator> BY_KIND = new EnumMap<>(SqlKind.class);
    private static final Map<String, CallGenerator> BY_NAME = new java.util.HashMap<>();

    static {
        CallGenerator arithmetic = new ArithmeticGenerator();
        CallGenerator comparison = new ComparisonGenerator();
        CallGenerator logical = new LogicalGenerator();
        CallGenerator strings = new StringFunctionGenerator();
        CallGenerator datetime = new DateTimeFunctionGenerator();
        CallGenerator math = new MathFunctionGenerator();
        for (SqlKind kind : new SqlKind[] {SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES, SqlKind.DIVIDE, SqlKind.MOD,
                SqlKind.MINUS_PREFIX, SqlKind.PLUS_PREFIX}) {
            BY_KIND.put(kind, arithmetic);
        }
        for (SqlKind kind : new SqlKind[] {SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN,
                SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL,
                SqlKind.IS_DISTINCT_FROM, SqlKind.IS_NOT_DISTINCT_FROM}) {
            BY_KIND.put(kind, comparison);
        }
        for (SqlKind kind : new SqlKind[] {SqlKind.AND, SqlKind.OR, SqlKind.NOT, SqlKind.IS_NULL, SqlKind.IS_NOT_NULL,
                SqlKind.IS_TRUE, SqlKind.IS_FALSE, SqlKind.IS_NOT_TRUE, SqlKind.IS_NOT_FALSE}) {
            BY_KIND.put(kind, logical);
        }
        BY_KIND.put(SqlKind.CASE, new CaseGenerator());
        BY_KIND.put(SqlKind.COALESCE, new CaseGenerator());
        BY_KIND.put(SqlKind.CAST, new CastGenerator());
        BY_KIND.put(SqlKind.LIKE, new LikeGenerator());
        BY_KIND.put(SqlKind.SEARCH, new SearchGenerator());
        BY_KIND.put(SqlKind.REINTERPRET, (generator, call) -> generator.convert(
                generator.generate(call.getOperands().get(0)), call.getType()));
        BY_KIND.put(SqlKind.EXTRACT, datetime);
        BY_KIND.put(SqlKind.TRIM, strings);
        BY_KIND.put(SqlKind.POSITION, strings);
        for (String name : new String[] {"UPPER", "LOWER", "CHAR_LENGTH", "CHARACTER_LENGTH", "SUBSTRING", "SUBSTR", "||"}) {
            BY_NAME.put(name, strings);
        }
        for (String name : new String[] {"CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME", "PROCTIME",
                "CURRENT_WATERMARK"}) {
            BY_NAME.put(name, datetime);
        }
        for (String name : new String[] {"ABS", "MOD", "ROUND", "POWER", "SQRT", "EXP", "LN", "LOG10", "SIGN"}) {
            BY_NAME.put(name, math);
        }
        FlinkFunctionGenerators.register(BY_NAME, math, datetime);
        // FLOOR and CEIL round numbers, or round times to a unit when given one.
        CallGenerator rounding = (generator, call) -> call.getOperands().size() == 2
                ? datetime.generate(generator, call)
                : math.generate(generator, call);
        BY_KIND.put(SqlKind.FLOOR, rounding);
        BY_KIND.put(SqlKind.CEIL, rounding);
    }

    private CallGenerators() {
    }

    /** Whether calls of the operator compile. */
    static boolean supports(org.apache.calcite.sql.SqlOperator operator) {
        return BY_KIND.containsKey(operator.getKind()) || BY_NAME.containsKey(operator.getName());
    }

    static CallGenerator find(RexCall call) {
        CallGenerator generator = BY_KIND.get(call.getKind());
        if (generator == null) {
            generator = BY_NAME.get(call.getOperator().getName());
        }
        if (generator == null) {
            throw new SluiceException(ErrorCode.UNSUPPORTED,
                    "the function or operator " + call.getOperator().getName() + " is not supported yet");
        }
        return generator;
    }
}
