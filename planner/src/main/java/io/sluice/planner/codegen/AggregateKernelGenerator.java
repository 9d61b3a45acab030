package io.sluice.planner.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;

/**
 * Generates the {@link io.sluice.runtime.codegen.AggregateKernel} of an aggregation: one loop over
 * the rows of a batch that updates every aggregate function's accumulators (with each call's
 * {@code FILTER}) and looks at the job's stop as a Calc kernel's loop does, a merge of two groups,
 * and the writing of a group's results.
 */
public final class AggregateKernelGenerator {
    public static final String CLASS_NAME = "io.sluice.generated.AggregateKernelImpl";

    /**
     * @param calls             the aggregate calls, their arguments indexing input columns
     * @param resultTypes       the type of each call's result
     * @param firstResultColumn the output column of the first call's result; the others follow
     * @param constants         the literal an input column always holds, or null (LISTAGG's separator)
     */
    public GeneratedKernel generate(List<AggregateCall> calls, List<RelDataType> resultTypes, RelDataType inputRowType,
                                    int firstResultColumn, IntFunction<RexLiteral> constants) {
        CodeGenContext context = new CodeGenContext();
        StateFields fields = new StateFields();
        List<AccumulatorCode> accumulators = new ArrayList<>();
        for (AggregateCall call : calls) {
            accumulators.add(Accumulators.create(call, fields, inputRowType, constants));
        }
        InputColumns inputs = new InputColumns(inputRowType, "input", "row");
        StringBuilder perRow = new StringBuilder();
        StringBuilder merge = new StringBuilder();
        StringBuilder emit = new StringBuilder();
        for (int i = 0; i < calls.size(); i++) {
            AggregateCall call = calls.get(i);
            List<GeneratedExpression> args = new ArrayList<>();
            for (int arg : call.getArgList()) {
                args.add(inputs.read(arg));
            }
            String update = accumulators.get(i).accumulate(args, "g");
            if (call.filterArg >= 0) {
                GeneratedExpression filter = inputs.read(call.filterArg);
                update = "if (" + (filter.nullable() ? "!" + filter.isNull() + " && " : "") + filter.value() + ") {\n"
                        + update + "}\n";
            }
            perRow.append(update);
            merge.append(accumulators.get(i).merge("t", "s"));
            String vector = "out" + i;
            emit.append("final org.apache.arrow.vector.FieldVector ").append(vector).append(" = output.getVector(")
                    .append(firstResultColumn + i).append(");\n");
            emit.append(accumulators.get(i).emit("g", vector, "row", resultTypes.get(i)));
        }
        String source = """
                package io.sluice.generated;

                import io.sluice.runtime.codegen.AccumulatorState;
                import io.sluice.runtime.function.*;
                import io.sluice.runtime.vector.Vectors;
                import org.apache.arrow.memory.util.MemoryUtil;
                import org.apache.arrow.vector.VectorSchemaRoot;

                public final class AggregateKernelImpl implements io.sluice.runtime.codegen.AggregateKernel {
                    private final io.sluice.runtime.task.JobControl job;
                %s
                    public AggregateKernelImpl(io.sluice.runtime.codegen.KernelContext context) {
                        final Object[] references = context.references();
                        this.job = context.job();
                %s    }

                    public AccumulatorState newState() {
                        return new AccumulatorState(%d, %d, %d, %d);
                    }

                    public void accumulate(AccumulatorState state, int[] groupIds, VectorSchemaRoot input, int[] selection,
                            int count) {
                %s%s        for (int j = 0; j < count; j++) {
                %s            final int row = selection[j];
                            final int g = groupIds[j];
                %s%s        }
                    }

                    public void merge(AccumulatorState target, int t, AccumulatorState source, int s) {
                %s%s%s    }

                    public void emit(AccumulatorState state, int g, VectorSchemaRoot output, int row) {
                %s%s    }
                }
                """.formatted(context.fields(), context.fieldInitializers(),
                fields.longs(), fields.doubles(), fields.flags(), fields.objects(),
                CalcKernelGenerator.indent(fields.declarations("state", ""), 8), inputs.batchPrologue(),
                CalcKernelGenerator.stopCheck("j"), inputs.rowReads(), CalcKernelGenerator.indent(perRow.toString(), 12),
                CalcKernelGenerator.indent(fields.declarations("target", "t"), 8),
                CalcKernelGenerator.indent(fields.declarations("source", "s"), 8),
                CalcKernelGenerator.indent(merge.toString(), 8),
                CalcKernelGenerator.indent(fields.declarations("state", ""), 8),
                CalcKernelGenerator.indent(emit.toString(), 8));
        return new GeneratedKernel(CLASS_NAME, source, context.references());
    }
}
