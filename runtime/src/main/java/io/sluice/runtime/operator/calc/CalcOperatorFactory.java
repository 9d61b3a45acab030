package io.sluice.runtime.operator.calc;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.codegen.CalcKernel;
import io.sluice.runtime.codegen.KernelCompiler;
import io.sluice.runtime.codegen.KernelContext;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A filter and projection evaluated by a generated {@link CalcKernel}.
 *
 * @param kernelClass  the compiled kernel
 * @param references   objects the kernel's source refers to by index
 * @param outputSchema the schema of the projected batches
 * @param passedOn     for each output column, the input column passed on unchanged as it, or -1
 */
public record CalcOperatorFactory(Class<? extends CalcKernel> kernelClass, List<Object> references, Schema outputSchema,
        int[] passedOn) implements OperatorFactory {
    public CalcOperatorFactory {
        requireNonNull(kernelClass, "kernelClass is null");
        references = List.copyOf(references);
        requireNonNull(outputSchema, "outputSchema is null");
        passedOn = passedOn.clone();
        if (passedOn.length != outputSchema.getFields().size()) {
            throw new IllegalArgumentException(passedOn.length + " columns passed on or not for "
                    + outputSchema.getFields().size() + " output columns");
        }
    }

    @Override
    public String name() {
        return "Calc";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        CalcKernel kernel = KernelCompiler.instantiate(kernelClass,
                KernelContext.of(references, context));
        return new CalcOperator(kernel, outputSchema, passedOn, context, output);
    }
}
