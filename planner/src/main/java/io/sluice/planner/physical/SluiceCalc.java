package io.sluice.planner.physical;

import io.sluice.planner.codegen.CalcKernelGenerator;
import io.sluice.planner.codegen.GeneratedKernel;
import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.codegen.CalcKernel;
import io.sluice.runtime.codegen.KernelCompiler;
import io.sluice.runtime.operator.calc.CalcOperatorFactory;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexProgram;

/** A filter and projection, evaluated by one generated kernel, chained after its input. */
public final class SluiceCalc extends Calc implements SluiceRel {
    public SluiceCalc(RelOptCluster cluster, RelTraitSet traits, RelNode input, RexProgram program) {
        super(cluster, traits, java.util.List.of(), input, program);
    }

    @Override
    public Calc copy(RelTraitSet traitSet, RelNode child, RexProgram program) {
        return new SluiceCalc(getCluster(), traitSet, child, program);
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        JobBuilder.Stream input = ((SluiceRel) getInput()).implement(builder);
        return input.add(operator(getProgram(), getCluster().getRexBuilder(), builder.compiler()));
    }

    /** Generates and compiles the kernel of a program (compiled classes are shared by source). */
    static CalcOperatorFactory operator(RexProgram program, RexBuilder rexBuilder, KernelCompiler compiler) {
        GeneratedKernel kernel = new CalcKernelGenerator(rexBuilder).generate(program);
        Class<? extends CalcKernel> kernelClass = compiler.compile(kernel.className(), kernel.source(), CalcKernel.class);
        return new CalcOperatorFactory(kernelClass, kernel.references(),
                ArrowTypeMapping.toSchema(program.getOutputRowType()));
    }
}
