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
 */
public record CalcOperatorFactory(Class<? extends CalcKernel> kernelClass, List<Object> references, Schema outputSchema)
        implements OperatorFactory {
    public CalcOperatorFactory {
        requireNonNull(kernelClass, "kernelClass is null");
        references = List.copyOf(references);
        requireNonNull(outputSchema, "outputSchema is null");
    }

    @Override
    public String name() {
        return "Calc";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        CalcKernel kernel = KernelCompiler.instantiate(kernelClass,
                new KernelContext(references.toArray(), context.clock()));
        return new CalcOperator(kernel, outputSchema, context, output);
    }
}
