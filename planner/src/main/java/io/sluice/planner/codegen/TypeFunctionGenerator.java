package io.sluice.planner.codegen;

import io.sluice.planner.type.FlinkTypeNames;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;

/**
 * {@code TRY_CAST(x AS type)}: a CAST whose failure (text that is not a value of the type, a
 * number out of range) is NULL instead of an error; and {@code TYPEOF(x)}: the name of x's type
 * as Flink writes it ({@code INT NOT NULL}, {@code VARCHAR(5)}, {@code STRING}), a constant.
 */
final class TypeFunctionGenerator implements CallGenerator {
    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        if (call.getOperator().getName().equals("TYPEOF")) {
            String name = FlinkTypeNames.summary(call.getOperands().get(0).getType());
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
}
