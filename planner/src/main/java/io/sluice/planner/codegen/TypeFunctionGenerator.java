package io.sluice.planner.codegen;

import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code TRY_CAST(x AS type)}: a CAST whose failure (text that is not a value of the type, a
 * number out of range) is NULL instead of an error; and {@code TYPEOF(x)}: the name of x's type
 * as Flink writes it ({@code INT NOT NULL}, {@code VARCHAR(5)}, {@code STRING}), a constant.
 */
final class TypeFunctionGenerator implements CallGenerator {
    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        if (call.getOperator().getName().equals("TYPEOF")) {
            String name = flinkName(call.getOperands().get(0).getType());
            return new GeneratedExpression("", JavaTypes.stringLiteral(name), "false", call.getType());
        }
        GeneratedExpression operand = generator.generate(call.getOperands().get(0));
        RelDataType type = call.getType();
        if (operand.alwaysNull()) {
            return GeneratedExpression.nullOf(type);
        }
        String conversion = CastGenerator.conversion(operand.type(), type, generator.typeFactory())
                .replace("$0", operand.value());
        String result = generator.context().newName("v");
        String isNull = result + "_null";
        String javaType = JavaTypes.of(type);
        String code = operand.code()
                + "boolean " + isNull + " = " + operand.isNull() + ";\n"
                + javaType + " " + result + " = " + JavaTypes.defaultValue(javaType) + ";\n"
                + "if (!" + isNull + ") {\ntry {\n" + result + " = " + conversion + ";\n"
                + "} catch (io.sluice.runtime.error.SluiceException e) {\n" + isNull + " = true;\n}\n}\n";
        return new GeneratedExpression(code, result, isNull, type);
    }

    /** Flink's summary name of a type. */
    static String flinkName(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        String base = switch (name) {
            case INTEGER -> "INT";
            case REAL, FLOAT -> "FLOAT";
            case DECIMAL -> "DECIMAL(" + type.getPrecision() + ", " + type.getScale() + ")";
            case CHAR -> "CHAR(" + type.getPrecision() + ")";
            case VARCHAR -> type.getPrecision() == Integer.MAX_VALUE || type.getPrecision() < 0
                    ? "STRING" : "VARCHAR(" + type.getPrecision() + ")";
            case TIME -> "TIME(" + type.getPrecision() + ")";
            case TIMESTAMP -> "TIMESTAMP(" + type.getPrecision() + ")";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "TIMESTAMP_LTZ(" + type.getPrecision() + ")";
            case NULL -> "NULL";
            default -> type.getSqlTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME
                    || type.getSqlTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_YEAR_MONTH
                    ? type.getFullTypeString().replace(" NOT NULL", "")
                    : name.getName().toUpperCase(Locale.ROOT);
        };
        return type.isNullable() ? base : base + " NOT NULL";
    }
}
