package io.sluice.planner.codegen;

import io.sluice.runtime.codegen.KernelContext;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Generates the {@link io.sluice.runtime.codegen.CalcKernel} of a filter and projection: a
 * filter loop that writes a selection of row indexes, a projection loop over the selected rows
 * that writes each output column straight into its Arrow buffers, and a second projection loop
 * over every row that leaves out the input columns passed on unchanged (the operator passes on
 * the input's vectors for those). Each loop looks at the job's stop every
 * {@link KernelContext#STOP_CHECK_ROWS} rows, so that a cancel interrupts a slow batch.
 */
public final class CalcKernelGenerator {
    public static final String CLASS_NAME = "io.sluice.generated.CalcKernelImpl";

    private final RexBuilder rexBuilder;

    public CalcKernelGenerator(RexBuilder rexBuilder) {
        this.rexBuilder = rexBuilder;
    }

    public GeneratedKernel generate(RexProgram program) {
        CodeGenContext context = new CodeGenContext();
        String filter = filterMethod(program, context);
        int[] passedOn = passedOn(program);
        // with no column passed on, every column is computed: no second loop to generate and compile
        String projectComputed = Arrays.stream(passedOn).allMatch(column -> column < 0)
                ? """
                    public void projectComputed(VectorSchemaRoot input, int[] selection, int count, VectorSchemaRoot output) {
                        project(input, selection, count, output);
                    }
                """
                : projectMethod(program, context, passedOn);
        String project = projectMethod(program, context, null) + "\n" + projectComputed;
        String source = """
                package io.sluice.generated;

                import io.sluice.runtime.function.*;
                import io.sluice.runtime.vector.Vectors;
                import org.apache.arrow.memory.util.MemoryUtil;
                import org.apache.arrow.vector.VectorSchemaRoot;

                public final class CalcKernelImpl implements io.sluice.runtime.codegen.CalcKernel {
                    private final io.sluice.runtime.Clock clock;
                    private final io.sluice.runtime.task.JobControl job;
                    private long watermark = io.sluice.runtime.operator.Watermarks.NONE;
                %s
                    public CalcKernelImpl(io.sluice.runtime.codegen.KernelContext context) {
                        final Object[] references = context.references();
                        this.clock = context.clock();
                        this.job = context.job();
                %s    }

                    public void watermark(long watermark) {
                        this.watermark = watermark;
                    }

                %s
                %s}
                """.formatted(context.fields(), context.fieldInitializers(), filter, project);
        return new GeneratedKernel(CLASS_NAME, source, context.references());
    }

    private String filterMethod(RexProgram program, CodeGenContext context) {
        context.beginMethod();
        StringBuilder code = new StringBuilder();
        code.append("    public int filter(VectorSchemaRoot input, int[] selection) {\n");
        code.append("        final int rows = input.getRowCount();\n");
        RexLocalRef condition = program.getCondition();
        if (condition == null) {
            code.append("        for (int row = 0; row < rows; row++) {\n            selection[row] = row;\n        }\n");
            code.append("        return rows;\n    }\n");
            return code.toString();
        }
        InputColumns inputs = new InputColumns(program.getInputRowType(), "input", "row");
        ExpressionGenerator generator = new ExpressionGenerator(context, inputs, rexBuilder.getTypeFactory());
        GeneratedExpression test = generator.generate(expand(program, condition));
        code.append(inputs.batchPrologue());
        code.append(context.batchPrologue());
        code.append("        int count = 0;\n");
        code.append("        for (int row = 0; row < rows; row++) {\n");
        code.append(stopCheck("row"));
        code.append(inputs.rowReads());
        code.append(indent(test.code(), 12));
        code.append("            selection[count] = row;\n");
        code.append("            count += (!").append(test.isNull()).append(" && ").append(test.value())
                .append(") ? 1 : 0;\n");
        code.append("        }\n        return count;\n    }\n");
        return code.toString();
    }

    /**
     * For each output column, the input column it is when it is one unchanged (the same type),
     * else -1.
     */
    public static int[] passedOn(RexProgram program) {
        List<RexNode> projections = program.expandList(program.getProjectList());
        List<RelDataTypeField> outputs = program.getOutputRowType().getFieldList();
        int[] columns = new int[projections.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = projections.get(i) instanceof RexInputRef ref && ref.getType().equals(outputs.get(i).getType())
                    ? ref.getIndex()
                    : -1;
        }
        return columns;
    }

    /**
     * The {@code project} method, over the selected rows; or, given the columns passed on, the
     * {@code projectComputed} method, over every row and without those columns.
     */
    private String projectMethod(RexProgram program, CodeGenContext context, int[] passedOn) {
        context.beginMethod();
        InputColumns inputs = new InputColumns(program.getInputRowType(), "input", "row");
        ExpressionGenerator generator = new ExpressionGenerator(context, inputs, rexBuilder.getTypeFactory());
        List<RelDataTypeField> outputs = program.getOutputRowType().getFieldList();
        List<RexNode> projections = new ArrayList<>();
        for (RexLocalRef projection : program.getProjectList()) {
            projections.add(expand(program, projection));
        }
        StringBuilder prologue = new StringBuilder();
        StringBuilder body = new StringBuilder();
        StringBuilder epilogue = new StringBuilder();
        for (int k = 0; k < projections.size(); k++) {
            RelDataType type = outputs.get(k).getType();
            if (passedOn != null && passedOn[k] >= 0) {
                continue;
            }
            if (isVarChar(type) && projections.get(k) instanceof RexInputRef ref && isVarChar(ref.getType())) {
                // a string passed through: copied for the whole batch, with no String made and encoded again
                OutputColumn column = new OutputColumn(k, type, ref.getType().isNullable());
                prologue.append(column.batchPrologue());
                epilogue.append(column.copyAll(inputs.copied(ref.getIndex())));
                continue;
            }
            GeneratedExpression value = generator.generate(projections.get(k));
            if (type.getSqlTypeName() == SqlTypeName.NULL) {
                throw new SluiceException(ErrorCode.TYPE_MISMATCH, "the column '" + outputs.get(k).getName()
                        + "' is NULL in every row and has no type: give it one with CAST(NULL AS <type>)");
            }
            OutputColumn column = new OutputColumn(k, type, value.nullable());
            prologue.append(column.batchPrologue());
            body.append(indent(value.code(), 12));
            body.append(indent(column.write(generator.convert(value, type)), 12));
            // the vectors passed on are not the output's, so only the computed ones are counted
            epilogue.append(passedOn == null ? "" : "        output.getVector(" + k + ").setValueCount(count);\n");
        }
        String signature = passedOn == null
                ? "project(VectorSchemaRoot input, int[] selection, int count, VectorSchemaRoot output)"
                : "projectComputed(VectorSchemaRoot input, int[] selection, int count, VectorSchemaRoot output)";
        return "    public void " + signature + " {\n"
                + inputs.batchPrologue()
                + context.batchPrologue()
                + prologue
                + "        for (int j = 0; j < count; j++) {\n"
                + stopCheck("j")
                // every row passes when the computed columns alone are written
                + "            final int row = " + (passedOn == null ? "selection[j]" : "j") + ";\n"
                + inputs.rowReads()
                + body
                + "        }\n"
                + epilogue
                + (passedOn == null ? "        output.setRowCount(count);\n" : "")
                + "    }\n";
    }

    /** Throws once the job is stopping, looked at every {@link KernelContext#STOP_CHECK_ROWS} rows. */
    static String stopCheck(String row) {
        int mask = KernelContext.STOP_CHECK_ROWS - 1;
        return "            if ((" + row + " & " + mask + ") == " + mask + " && job.isStopping()) {\n"
                + "                throw new io.sluice.runtime.task.TaskStoppedException();\n"
                + "            }\n";
    }

    private static boolean isVarChar(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.VARCHAR;
    }

    /** The whole expression behind a local reference. */
    private static RexNode expand(RexProgram program, RexLocalRef ref) {
        return program.expandLocalRef(ref);
    }

    /** Indents generated statements, one level deeper inside each block, so EXPLAIN reads well. */
    static String indent(String code, int spaces) {
        if (code.isEmpty()) {
            return code;
        }
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (String line : code.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("}")) {
                depth--;
            }
            out.append(" ".repeat(spaces + 4 * Math.max(depth, 0))).append(trimmed).append('\n');
            if (trimmed.endsWith("{")) {
                depth++;
            }
        }
        return out.toString();
    }
}
