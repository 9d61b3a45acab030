package io.sluice.runtime.join;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.codegen.CalcKernel;
import java.util.List;

/**
 * The part of a join's condition beyond its key equalities, as a generated filter over the joined
 * row (the left input's columns, then the right's): a pair of rows with equal keys matches only
 * if it passes. Evaluated while matching, so that an outer join pads the rows it rejects.
 *
 * @param kernelClass the compiled filter (only its {@link CalcKernel#filter} is used)
 * @param references  objects the kernel's source refers to by index
 */
public record JoinCondition(Class<? extends CalcKernel> kernelClass, List<Object> references) {
    public JoinCondition {
        requireNonNull(kernelClass, "kernelClass is null");
        references = List.copyOf(references);
    }
}
