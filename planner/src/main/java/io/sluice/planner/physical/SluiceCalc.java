package io.sluice.planner.physical;

import org.apache.calcite.util.ImmutableBitSet;

import io.sluice.planner.codegen.CalcKernelGenerator;
import io.sluice.planner.codegen.GeneratedKernel;
import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.codegen.CalcKernel;
import io.sluice.runtime.codegen.KernelCompiler;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.calc.CalcOperatorFactory;
import io.sluice.runtime.operator.calc.ColumnSelectOperatorFactory;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexProgram;

/**
 * A filter and projection, evaluated by one generated kernel (or by none, when it only picks
 * columns), chained after its input.
 */
public final class SluiceCalc extends Calc implements SluiceRel {
    private final Changelog changelog;

    public SluiceCalc(RelOptCluster cluster, RelTraitSet traits, RelNode input, RexProgram program) {
        super(cluster, traits, List.of(), input, program);
        Changelog below = Changelog.of(input);
        this.changelog = below.isInsertOnly() ? below : below.withUpsertKey(keyThrough(program, below.upsertKey()));
    }

    @Override
    public Changelog changelog() {
        return changelog;
    }

    /**
     * A projection without a filter passes a keyed write on to its input: a filter could not, since
     * a row that stops passing it must be taken back by its old value.
     */
    @Override
    public SluiceRel inUpsertMode(ImmutableBitSet key) {
        if (getProgram().getCondition() != null || key.isEmpty() || !key.equals(changelog.upsertKey())) {
            return this;
        }
        int[] passedOn = CalcKernelGenerator.passedOn(getProgram());
        ImmutableBitSet.Builder inputKey = ImmutableBitSet.builder();
        for (int column : key) {
            inputKey.set(passedOn[column]);
        }
        SluiceRel input = ((SluiceRel) getInput()).inUpsertMode(inputKey.build());
        return input == getInput() ? this : new SluiceCalc(getCluster(), getTraitSet(), input, getProgram());
    }

    /**
     * Where a program's output keeps an input key: the output columns that pass the key's columns
     * on, or empty when a key column is dropped or computed over.
     */
    static ImmutableBitSet keyThrough(RexProgram program, ImmutableBitSet key) {
        if (key.isEmpty()) {
            return key;
        }
        int[] passedOn = CalcKernelGenerator.passedOn(program);
        ImmutableBitSet.Builder output = ImmutableBitSet.builder();
        for (int column : key) {
            int found = -1;
            for (int i = 0; i < passedOn.length && found < 0; i++) {
                if (passedOn[i] == column) {
                    found = i;
                }
            }
            if (found < 0) {
                return ImmutableBitSet.of();
            }
            output.set(found);
        }
        return output.build();
    }

    @Override
    public Calc copy(RelTraitSet traitSet, RelNode child, RexProgram program) {
        return new SluiceCalc(getCluster(), traitSet, child, program);
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        JobBuilder.Stream input = ((SluiceRel) getInput()).implement(builder);
        RexProgram program = changelog.carriesRowKinds()
                ? ChangelogPrograms.carryingRowKind(getProgram(), getCluster().getRexBuilder())
                : getProgram();
        return input.add(operator(program, getCluster().getRexBuilder(), builder.compiler()));
    }

    /**
     * The operator of a program: for one that only picks input columns, an operator that passes
     * the input's vectors on; otherwise the generated kernel, compiled (compiled classes are
     * shared by source).
     */
    static OperatorFactory operator(RexProgram program, RexBuilder rexBuilder, KernelCompiler compiler) {
        int[] columns = selectedColumns(program);
        if (columns != null) {
            return new ColumnSelectOperatorFactory(columns, ArrowTypeMapping.toSchema(program.getOutputRowType()));
        }
        GeneratedKernel kernel = new CalcKernelGenerator(rexBuilder).generate(program);
        Class<? extends CalcKernel> kernelClass = compiler.compile(kernel.className(), kernel.source(), CalcKernel.class);
        return new CalcOperatorFactory(kernelClass, kernel.references(),
                ArrowTypeMapping.toSchema(program.getOutputRowType()), CalcKernelGenerator.passedOn(program));
    }

    /**
     * For a program with no condition whose every output is an input column of the same type,
     * the input column of each output; otherwise null.
     */
    public static int[] selectedColumns(RexProgram program) {
        if (program.getCondition() != null) {
            return null;
        }
        int[] columns = CalcKernelGenerator.passedOn(program);
        return Arrays.stream(columns).allMatch(column -> column >= 0) ? columns : null;
    }
}
