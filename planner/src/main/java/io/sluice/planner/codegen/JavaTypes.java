package io.sluice.planner.codegen;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/** How generated code holds a value of each SQL type. */
final class JavaTypes {
    static final String DECIMAL = "java.math.BigDecimal";
    static final String STRING = "String";

    private JavaTypes() {
    }

    static String of(RelDataType type) {
        return of(type.getSqlTypeName(), type);
    }

    private static String of(SqlTypeName name, RelDataType type) {
        return switch (name) {
            case BOOLEAN -> "boolean";
            case TINYINT, SMALLINT, INTEGER, DATE, TIME -> "int";
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> "int";
            case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "long";
            case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
                 INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
                 INTERVAL_SECOND -> "long";
            case FLOAT, REAL -> "float";
            case DOUBLE -> "double";
            case DECIMAL -> DECIMAL;
            case CHAR, VARCHAR -> STRING;
            case NULL -> "Object";
            default -> throw new SluiceException(ErrorCode.UNSUPPORTED,
                    "expressions of type " + type.getFullTypeString() + " are not supported");
        };
    }

    static boolean isYearMonth(RelDataType type) {
        return type.getSqlTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_YEAR_MONTH;
    }

    static String defaultValue(String javaType) {
        return switch (javaType) {
            case "boolean" -> "false";
            case "int" -> "0";
            case "long" -> "0L";
            case "float" -> "0f";
            case "double" -> "0d";
            default -> "null";
        };
    }

    static boolean isPrimitiveNumber(String javaType) {
        return javaType.equals("int") || javaType.equals("long") || javaType.equals("float") || javaType.equals("double");
    }

    /** A Java string literal for the text, with every character outside printable ASCII escaped. */
    static String stringLiteral(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
