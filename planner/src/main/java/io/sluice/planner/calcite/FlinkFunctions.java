package io.sluice.planner.calcite;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/**
 * Flink's built-in scalar functions that Calcite's standard operator table lacks, with Flink's
 * argument and result types. A result that Flink makes NULL for some non-null arguments (no
 * match, text that does not parse) is nullable whatever the arguments.
 */
public final class FlinkFunctions {
    private static final SqlFunctionCategory STRING = SqlFunctionCategory.STRING;
    private static final SqlFunctionCategory NUMERIC = SqlFunctionCategory.NUMERIC;
    private static final SqlFunctionCategory TIME = SqlFunctionCategory.TIMEDATE;
    private static final SqlFunctionCategory SYSTEM = SqlFunctionCategory.SYSTEM;

    private static final SqlTypeFamily S = SqlTypeFamily.CHARACTER;
    private static final SqlTypeFamily I = SqlTypeFamily.INTEGER;
    private static final SqlTypeFamily N = SqlTypeFamily.NUMERIC;

    // String functions.
    public static final SqlFunction CONCAT = function("CONCAT", ReturnTypes.VARCHAR_NULLABLE,
            OperandTypes.repeat(SqlOperandCountRanges.from(1), OperandTypes.STRING), STRING);
    /** CONCAT_WS skips NULL texts: its result is NULL only when the separator is. */
    public static final SqlFunction CONCAT_WS = function("CONCAT_WS",
            ReturnTypes.VARCHAR.andThen((binding, type) -> binding.getTypeFactory()
                    .createTypeWithNullability(type, binding.getOperandType(0).isNullable())),
            OperandTypes.repeat(SqlOperandCountRanges.from(2), OperandTypes.STRING), STRING);
    public static final SqlFunction REGEXP_EXTRACT = function("REGEXP_EXTRACT", ReturnTypes.VARCHAR_FORCE_NULLABLE,
            lastOptional(S, S, I), STRING);
    public static final SqlFunction REGEXP_REPLACE = function("REGEXP_REPLACE", ReturnTypes.VARCHAR_FORCE_NULLABLE,
            OperandTypes.family(S, S, S), STRING);
    public static final SqlFunction REGEXP = function("REGEXP", ReturnTypes.BOOLEAN_FORCE_NULLABLE,
            OperandTypes.family(S, S), STRING);
    public static final SqlFunction SPLIT_INDEX = function("SPLIT_INDEX", ReturnTypes.VARCHAR_FORCE_NULLABLE,
            OperandTypes.family(S, S, I), STRING);
    public static final SqlFunction LPAD = function("LPAD", ReturnTypes.VARCHAR_FORCE_NULLABLE,
            OperandTypes.family(S, I, S), STRING);
    public static final SqlFunction RPAD = function("RPAD", ReturnTypes.VARCHAR_FORCE_NULLABLE,
            OperandTypes.family(S, I, S), STRING);
    public static final SqlFunction REVERSE = text("REVERSE", OperandTypes.STRING);
    public static final SqlFunction LEFT = text("LEFT", OperandTypes.family(S, I));
    public static final SqlFunction RIGHT = text("RIGHT", OperandTypes.family(S, I));
    public static final SqlFunction REPEAT = text("REPEAT", OperandTypes.family(S, I));
    public static final SqlFunction LTRIM = text("LTRIM", OperandTypes.STRING);
    public static final SqlFunction RTRIM = text("RTRIM", OperandTypes.STRING);
    public static final SqlFunction LOCATE = function("LOCATE", ReturnTypes.INTEGER_NULLABLE,
            lastOptional(S, S, I), STRING);
    public static final SqlFunction INSTR = function("INSTR", ReturnTypes.INTEGER_NULLABLE,
            OperandTypes.family(S, S), STRING);
    public static final SqlFunction TO_BASE64 = text("TO_BASE64", OperandTypes.STRING);
    public static final SqlFunction FROM_BASE64 = text("FROM_BASE64", OperandTypes.STRING);
    public static final SqlFunction MD5 = text("MD5", OperandTypes.STRING);
    public static final SqlFunction SHA1 = text("SHA1", OperandTypes.STRING);
    public static final SqlFunction SHA256 = text("SHA256", OperandTypes.STRING);
    public static final SqlFunction URL_ENCODE = text("URL_ENCODE", OperandTypes.STRING);
    public static final SqlFunction URL_DECODE = function("URL_DECODE", ReturnTypes.VARCHAR_FORCE_NULLABLE,
            OperandTypes.STRING, STRING);
    public static final SqlFunction PARSE_URL = function("PARSE_URL", ReturnTypes.VARCHAR_FORCE_NULLABLE,
            lastOptional(S, S, S), STRING);
    public static final SqlFunction CHR = text("CHR", OperandTypes.family(I));
    /** IS_ALPHA, IS_DECIMAL and IS_DIGIT are FALSE for NULL, as in Flink. */
    public static final SqlFunction IS_ALPHA = function("IS_ALPHA", ReturnTypes.BOOLEAN, OperandTypes.STRING, STRING);
    public static final SqlFunction IS_DECIMAL = function("IS_DECIMAL", ReturnTypes.BOOLEAN, OperandTypes.STRING, STRING);
    public static final SqlFunction IS_DIGIT = function("IS_DIGIT", ReturnTypes.BOOLEAN, OperandTypes.STRING, STRING);

    // Numeric functions.
    public static final SqlFunction LOG = function("LOG", ReturnTypes.DOUBLE_NULLABLE,
            lastOptional(N, N), NUMERIC);
    public static final SqlFunction LOG2 = function("LOG2", ReturnTypes.DOUBLE_NULLABLE, OperandTypes.NUMERIC, NUMERIC);
    public static final SqlFunction SINH = function("SINH", ReturnTypes.DOUBLE_NULLABLE, OperandTypes.NUMERIC, NUMERIC);
    public static final SqlFunction COSH = function("COSH", ReturnTypes.DOUBLE_NULLABLE, OperandTypes.NUMERIC, NUMERIC);
    public static final SqlFunction TANH = function("TANH", ReturnTypes.DOUBLE_NULLABLE, OperandTypes.NUMERIC, NUMERIC);
    public static final SqlFunction E = function("E", ReturnTypes.DOUBLE, OperandTypes.NILADIC, NUMERIC);
    public static final SqlFunction BIN = text("BIN", OperandTypes.family(I));
    public static final SqlFunction HEX = text("HEX", OperandTypes.or(OperandTypes.family(I), OperandTypes.STRING));

    // Date and time functions. Sluice's session time zone is UTC.
    public static final SqlFunction DATE_FORMAT = function("DATE_FORMAT", ReturnTypes.VARCHAR_FORCE_NULLABLE,
            OperandTypes.or(OperandTypes.family(SqlTypeFamily.DATETIME, S), OperandTypes.family(S, S)), TIME);
    public static final SqlFunction TO_TIMESTAMP = function("TO_TIMESTAMP",
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3).andThen(SqlTypeTransforms.FORCE_NULLABLE),
            lastOptional(S, S), TIME);
    public static final SqlFunction TO_DATE = function("TO_DATE",
            ReturnTypes.explicit(SqlTypeName.DATE).andThen(SqlTypeTransforms.FORCE_NULLABLE),
            lastOptional(S, S), TIME);
    public static final SqlFunction TO_TIMESTAMP_LTZ = function("TO_TIMESTAMP_LTZ",
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3).andThen(SqlTypeTransforms.TO_NULLABLE),
            lastOptional(N, I), TIME);
    /** UNIX_TIMESTAMP() is the current time, so the function is dynamic, as CURRENT_TIMESTAMP is. */
    public static final SqlFunction UNIX_TIMESTAMP = function("UNIX_TIMESTAMP", ReturnTypes.BIGINT_NULLABLE,
            OperandTypes.or(OperandTypes.NILADIC, OperandTypes.family(S), OperandTypes.family(S, S)), TIME)
            .withDynamic(true).withDeterministic(false);
    public static final SqlFunction FROM_UNIXTIME = function("FROM_UNIXTIME", ReturnTypes.VARCHAR_FORCE_NULLABLE,
            lastOptional(I, S), TIME);
    public static final SqlFunction CONVERT_TZ = function("CONVERT_TZ", ReturnTypes.VARCHAR_FORCE_NULLABLE,
            OperandTypes.family(S, S, S), TIME);
    public static final SqlFunction NOW = function("NOW",
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3), OperandTypes.NILADIC, TIME)
            .withDynamic(true).withDeterministic(false);

    // Conversion.
    /** TYPEOF(x [, force_serializable]): Flink's name of x's type, such as {@code INT NOT NULL}. */
    public static final SqlFunction TYPEOF = function("TYPEOF", ReturnTypes.VARCHAR,
            OperandTypes.or(OperandTypes.ANY, OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.BOOLEAN)), SYSTEM);

    // JSON.
    /** JSON_STRING(x): x as JSON text; the JSON generator takes texts, numbers and booleans. */
    public static final SqlFunction JSON_STRING = function("JSON_STRING", ReturnTypes.VARCHAR_NULLABLE,
            OperandTypes.ANY, SYSTEM);

    /** HASH_CODE(x): Java's hash code of x; the generator takes texts, numbers and booleans. */
    public static final SqlFunction HASH_CODE = function("HASH_CODE", ReturnTypes.INTEGER_NULLABLE,
            OperandTypes.ANY, SYSTEM);

    /** Every function of this table, with the library functions Flink has under the same names. */
    public static final List<SqlOperator> ALL = List.of(CONCAT, CONCAT_WS, REGEXP_EXTRACT, REGEXP_REPLACE, REGEXP,
            SPLIT_INDEX, LPAD, RPAD, REVERSE, LEFT, RIGHT, REPEAT, LTRIM, RTRIM, LOCATE, INSTR, TO_BASE64, FROM_BASE64,
            MD5, SHA1, SHA256, URL_ENCODE, URL_DECODE, PARSE_URL, CHR, IS_ALPHA, IS_DECIMAL, IS_DIGIT,
            LOG, LOG2, SINH, COSH, TANH, E, BIN, HEX,
            DATE_FORMAT, TO_TIMESTAMP, TO_DATE, TO_TIMESTAMP_LTZ, UNIX_TIMESTAMP, FROM_UNIXTIME, CONVERT_TZ, NOW,
            TYPEOF, JSON_STRING, HASH_CODE, SqlLibraryOperators.IF, SqlLibraryOperators.IFNULL, SqlLibraryOperators.GREATEST,
            SqlLibraryOperators.LEAST, SqlLibraryOperators.TRY_CAST);

    /** Standard operators whose place these take: Calcite's TYPEOF takes only VARIANT values. */
    public static final List<SqlOperator> REPLACED = List.of(SqlStdOperatorTable.TYPEOF);

    private FlinkFunctions() {
    }

    private static SqlBasicFunction function(String name, SqlReturnTypeInference returnType,
                                             SqlOperandTypeChecker operands, SqlFunctionCategory category) {
        return SqlBasicFunction.create(name, returnType, operands, category);
    }

    /**
     * Arguments of these families, the last of which may be left out. Calcite's family checker with
     * an optional argument takes arguments of any type when that argument is left out.
     */
    private static SqlOperandTypeChecker lastOptional(SqlTypeFamily... families) {
        return OperandTypes.or(OperandTypes.family(Arrays.copyOf(families, families.length - 1)),
                OperandTypes.family(families));
    }

    /** A function whose text result is NULL exactly when an argument is. */
    private static SqlBasicFunction text(String name, SqlOperandTypeChecker operands) {
        return function(name, ReturnTypes.VARCHAR_NULLABLE, operands, STRING);
    }
}
