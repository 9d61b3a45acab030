package io.sluice.runtime.job;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.operator.OperatorFactory;
import java.util.List;

/**
 * A chain of operators that one task runs in one thread, from an input to an output, made
 * {@code parallelism} times.
 */
public record PipelineSpec(String name, int parallelism, PipelineInput input, List<OperatorFactory> operators,
                           PipelineOutput output) {
    public PipelineSpec {
        requireNonNull(name, "name is null");
        if (parallelism <= 0) {
            throw new IllegalArgumentException("parallelism must be positive: " + parallelism);
        }
        requireNonNull(input, "input is null");
        operators = List.copyOf(operators);
        requireNonNull(output, "output is null");
    }
}
