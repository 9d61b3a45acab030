package io.sluice.runtime.codegen;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.Clock;

/**
 * What a generated kernel may use besides its input: the objects its source refers to by index
 * (constants that are not written into the source, such as decimals and patterns) and the clock
 * for functions like {@code CURRENT_TIMESTAMP}.
 */
public record KernelContext(Object[] references, Clock clock) {
    public KernelContext {
        requireNonNull(references, "references is null");
        requireNonNull(clock, "clock is null");
    }
}
