package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code DESCRIBE FUNCTION name}: the signatures of a built-in function. */
public record DescribeFunction(String name, SourcePosition position) implements Statement {
    public DescribeFunction {
        requireNonNull(name, "name is null");
        requireNonNull(position, "position is null");
    }
}
