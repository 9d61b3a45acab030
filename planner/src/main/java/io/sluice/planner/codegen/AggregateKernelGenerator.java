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
 * and the writing of a group's results. Over a changelog the accumulators are the retractable
 * flavour and the loop reads each row's kind: a {@code -U} or {@code -D} row is taken out of its
 * group, a {@code +I} or {@code +U} row added. Retractable kernels have no merge; a non-windowed
 * aggregation over appended rows may still ask for them, for the DISTINCT aggregates only they
 * have. Windows get the append-only accumulators and loop, which pay nothing for any of this.
 */
public final class AggregateKernelGenerator {
    public static final String CLASS_NAME = "io.sluice.generated.AggregateKernelImpl";

    /**
     * @param calls             the aggregate calls, their arguments indexing input columns
     * @param resultTypes       the type of each call's result
     * @param firstResultColumn the output column of the first call's result; the others follow
     * @param constants         the literal an input column always holds, or null (LISTAGG's separator)
     * @param retractable       whether to make the retractable accumulators (which are not merged)
     * @param changelog         whether the input is a changelog, its row kind in the column after
     *                          the row type's; it needs retractable accumulators
     */
    public GeneratedKernel generate(List<AggregateCall> calls, List<RelDataType> resultTypes, RelDataType inputRowType,
                                    int firstResultColumn, IntFunction<RexLiteral> constants, boolean retractable,
                                    boolean changelog) {
        if (changelog && !retractable) {
            throw new IllegalArgumentException("a changelog needs retractable accumulators");
        }
        CodeGenContext context = new CodeGenContext();
        StateFields fields = new StateFields();
        List<AccumulatorCode> accumulators = new ArrayList<>();
        for (AggregateCall call : calls) {
            accumulators.add(Accumulators.create(call, fields, inputRowType, constants, retractable));
        }
        InputColumns inputs = new InputColumns(inputRowType, "input", "row");
        StringBuilder adds = new StringBuilder();
        StringBuilder retracts = new StringBuilder();
        StringBuilder merge = new StringBuilder();
        StringBuilder emit = new StringBuilder();
        for (int i = 0; i < calls.size(); i++) {
            AggregateCall call = calls.get(i);
            List<GeneratedExpression> args = new ArrayList<>();
            for (int arg : call.getArgList()) {
                args.add(inputs.read(arg));
            }
            String filter = "";
            if (call.filterArg >= 0) {
                GeneratedExpression condition = inputs.read(call.filterArg);
                filter = (condition.nullable() ? "!" + condition.isNull() + " && " : "") + condition.value();
            }
            adds.append(filtered(filter, accumulators.get(i).accumulate(args, "g")));
            if (changelog) {
                retracts.append(filtered(filter, accumulators.get(i).retract(args, "g")));
            }
            if (!retractable) {
                merge.append(accumulators.get(i).merge("t", "s"));
            }
            String vector = "out" + i;
            emit.append("final org.apache.arrow.vector.FieldVector ").append(vector).append(" = output.getVector(")
                    .append(firstResultColumn + i).append(");\n");
            emit.append(accumulators.get(i).emit("g", vector, "row", resultTypes.get(i)));
        }
        String prologue = inputs.batchPrologue();
        String perRow = adds.toString();
        if (changelog) {
            prologue += "        final long kinds = input.getVector(" + inputRowType.getFieldCount()
                    + ").getDataBufferAddress();\n";
            perRow = "if (io.sluice.runtime.changelog.RowKind.retracts(MemoryUtil.getByte(kinds + row))) {\n" + retracts
                    + "} else {\n" + adds + "}\n";
        }
        String mergeBody = retractable
                ? "throw new UnsupportedOperationException(\"retractable accumulators are not merged\");\n"
                : fields.declarations("target", "t") + fields.declarations("source", "s") + merge;
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
                %s    }

                    public void emit(AccumulatorState state, int g, VectorSchemaRoot output, int row) {
                %s%s    }
                }
                """.formatted(context.fields(), context.fieldInitializers(),
                fields.longs(), fields.doubles(), fields.flags(), fields.objects(),
                CalcKernelGenerator.indent(fields.declarations("state", ""), 8), prologue,
                CalcKernelGenerator.stopCheck("j"), inputs.rowReads(), CalcKernelGenerator.indent(perRow, 12),
                CalcKernelGenerator.indent(mergeBody, 8),
                CalcKernelGenerator.indent(fields.declarations("state", ""), 8),
                CalcKernelGenerator.indent(emit.toString(), 8));
        return new GeneratedKernel(CLASS_NAME, source, context.references());
    }

    private static String filtered(String filter, String update) {
        return filter.isEmpty() ? update : "if (" + filter + ") {\n" + update + "}\n";
    }
}
