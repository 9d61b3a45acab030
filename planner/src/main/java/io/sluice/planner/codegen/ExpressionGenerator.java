package io.sluice.planner.codegen;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLambda;
import org.apache.calcite.rex.RexLambdaRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexNodeAndFieldIndex;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexPatternFieldRef;
import org.apache.calcite.rex.RexRangeRef;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexTableInputRef;
import org.apache.calcite.rex.RexVisitor;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Compiles a row expression (a Calcite {@link RexNode} tree) to Java code over the current row.
 * Input columns come from {@link InputColumns}; each kind of call is handed to its
 * {@link CallGenerator}. Sub-expressions are generated where they are needed, so a branch not
 * taken ({@code CASE}, {@code AND}, {@code OR}) is not evaluated and cannot fail.
 */
final class ExpressionGenerator implements RexVisitor<GeneratedExpression> {
    private final CodeGenContext context;
    private final InputColumns inputs;
    private final RelDataTypeFactory typeFactory;

    ExpressionGenerator(CodeGenContext context, InputColumns inputs, RelDataTypeFactory typeFactory) {
        this.context = context;
        this.inputs = inputs;
        this.typeFactory = typeFactory;
    }

    CodeGenContext context() {
        return context;
    }

    RelDataTypeFactory typeFactory() {
        return typeFactory;
    }

    GeneratedExpression generate(RexNode node) {
        return node.accept(this);
    }

    List<GeneratedExpression> generateAll(List<RexNode> nodes) {
        List<GeneratedExpression> result = new ArrayList<>();
        for (RexNode node : nodes) {
            result.add(generate(node));
        }
        return result;
    }

    /** The body of a strict call: statements that assign {@code result} from the operands' values. */
    @FunctionalInterface
    interface StrictBody {
        String code(List<String> values, String result);
    }

    /**
     * A call that is null when any operand is null, and otherwise computes its value from the
     * operands' values (never seeing a null).
     */
    GeneratedExpression strict(RexCall call, List<GeneratedExpression> operands, StrictBody body) {
        return strict(call.getType(), operands, body);
    }

    GeneratedExpression strict(RelDataType type, List<GeneratedExpression> operands, StrictBody body) {
        return strict(type, operands, body, false);
    }

    /**
     * @param mayBeNull whether the body may make the value null for operands that are not, by
     *                  setting {@code <result>_null}, which is then declared whatever the operands
     */
    private GeneratedExpression strict(RelDataType type, List<GeneratedExpression> operands, StrictBody body,
                                       boolean mayBeNull) {
        if (operands.stream().anyMatch(GeneratedExpression::alwaysNull)) {
            // A NULL literal has no Java value to compute with: the call is null, whatever else.
            return GeneratedExpression.nullOf(type);
        }
        StringBuilder code = new StringBuilder();
        List<String> values = new ArrayList<>();
        List<String> nulls = new ArrayList<>();
        for (GeneratedExpression operand : operands) {
            code.append(operand.code());
            values.add(operand.value());
            if (operand.nullable()) {
                nulls.add(operand.isNull());
            }
        }
        String result = context.newName("v");
        String javaType = JavaTypes.of(type);
        if (nulls.isEmpty() && !mayBeNull) {
            code.append(javaType).append(' ').append(result).append(";\n");
            code.append(body.code(values, result));
            return new GeneratedExpression(code.toString(), result, "false", type);
        }
        String isNull = result + "_null";
        code.append("boolean ").append(isNull).append(" = ").append(nulls.isEmpty() ? "false" : String.join(" || ", nulls))
                .append(";\n");
        code.append(javaType).append(' ').append(result).append(" = ").append(JavaTypes.defaultValue(javaType)).append(";\n");
        code.append("if (!").append(isNull).append(") {\n").append(body.code(values, result)).append("}\n");
        return new GeneratedExpression(code.toString(), result, isNull, type);
    }

    /** A strict call whose value is one Java expression over the operands' values. */
    GeneratedExpression strictExpression(RexCall call, List<GeneratedExpression> operands,
                                         java.util.function.Function<List<String>, String> expression) {
        return strict(call, operands, (values, result) -> result + " = " + expression.apply(values) + ";\n");
    }

    /**
     * A strict call whose value may also be null for operands that are not: null when an operand
     * is, and otherwise when {@code nullWhen} holds of the value it computes (such as
     * {@code v == null} for a text, or a sentinel for a primitive).
     */
    GeneratedExpression strictOrNull(RexCall call, List<GeneratedExpression> operands,
                                     java.util.function.Function<List<String>, String> expression,
                                     java.util.function.UnaryOperator<String> nullWhen) {
        return strict(call.getType(), operands, (values, result) -> result + " = " + expression.apply(values) + ";\n"
                + result + "_null = " + nullWhen.apply(result) + ";\n", true);
    }

    /** The expression's value held as the Java type of {@code target} (numeric promotion, decimal scale). */
    GeneratedExpression convert(GeneratedExpression expression, RelDataType target) {
        if (expression.alwaysNull()) {
            return new GeneratedExpression(expression.code(), JavaTypes.defaultValue(JavaTypes.of(target)), "true", target);
        }
        String converted = Conversions.convert(expression.value(), expression.type(), target);
        if (converted.equals(expression.value())) {
            return expression;
        }
        return strict(target, List.of(expression),
                (values, result) -> result + " = " + Conversions.convert(values.get(0), expression.type(), target) + ";\n");
    }

    @Override
    public GeneratedExpression visitInputRef(RexInputRef inputRef) {
        return inputs.read(inputRef.getIndex());
    }

    @Override
    public GeneratedExpression visitLiteral(RexLiteral literal) {
        return Literals.generate(literal, context);
    }

    @Override
    public GeneratedExpression visitCall(RexCall call) {
        if (call.getType().getSqlTypeName() == SqlTypeName.NULL) {
            // Calls of type NULL, such as UPPER(NULL), are null whatever their operands.
            return GeneratedExpression.nullOf(call.getType());
        }
        return CallGenerators.find(call).generate(this, call);
    }

    @Override
    public GeneratedExpression visitLocalRef(RexLocalRef localRef) {
        throw SluiceException.internal("local references must be expanded before code generation", null);
    }

    @Override
    public GeneratedExpression visitOver(RexOver over) {
        throw unsupported("OVER windows");
    }

    @Override
    public GeneratedExpression visitCorrelVariable(RexCorrelVariable correlVariable) {
        throw unsupported("correlated subqueries");
    }

    @Override
    public GeneratedExpression visitDynamicParam(RexDynamicParam dynamicParam) {
        throw unsupported("parameters ('?') in this position");
    }

    @Override
    public GeneratedExpression visitRangeRef(RexRangeRef rangeRef) {
        throw unsupported("range references");
    }

    @Override
    public GeneratedExpression visitFieldAccess(RexFieldAccess fieldAccess) {
        throw unsupported("field access on ROW values");
    }

    @Override
    public GeneratedExpression visitSubQuery(RexSubQuery subQuery) {
        throw unsupported("subqueries");
    }

    @Override
    public GeneratedExpression visitTableInputRef(RexTableInputRef fieldRef) {
        throw unsupported("table input references");
    }

    @Override
    public GeneratedExpression visitPatternFieldRef(RexPatternFieldRef fieldRef) {
        throw unsupported("MATCH_RECOGNIZE");
    }

    @Override
    public GeneratedExpression visitLambda(RexLambda fieldRef) {
        throw unsupported("lambda expressions");
    }

    @Override
    public GeneratedExpression visitLambdaRef(RexLambdaRef fieldRef) {
        throw unsupported("lambda expressions");
    }

    @Override
    public GeneratedExpression visitNodeAndFieldIndex(RexNodeAndFieldIndex nodeAndFieldIndex) {
        throw unsupported("this expression");
    }

    static SluiceException unsupported(String what) {
        return new SluiceException(ErrorCode.UNSUPPORTED, what + " are not supported yet");
    }
}
