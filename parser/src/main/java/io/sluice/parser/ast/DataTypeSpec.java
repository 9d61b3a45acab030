package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A data type as written in a column definition. The parser only normalises spelling: the name is
 * upper case with multi-word names joined by one space ({@code DOUBLE PRECISION},
 * {@code TIMESTAMP WITH LOCAL TIME ZONE}, {@code INTERVAL DAY TO SECOND}); synonyms such as
 * {@code INT}/{@code INTEGER} or {@code STRING}/{@code VARCHAR} are kept apart, and which types are
 * supported is for the planner to decide.
 *
 * <p>{@code parameters} are the numbers in parentheses, in order: a length, a precision, or a
 * precision and scale. For {@code TIMESTAMP(3) WITH LOCAL TIME ZONE} that is {@code [3]}. Interval
 * types always carry their leading field precision and, when they end in {@code SECOND}, their
 * fractional second precision, with SQL's defaults (2 and 6) where none is written:
 * {@code INTERVAL DAY TO SECOND(3)} is {@code [2, 3]}, {@code INTERVAL YEAR TO MONTH} is
 * {@code [2]}.
 */
public record DataTypeSpec(String name, List<Integer> parameters, boolean nullable, SourcePosition position) {
    public DataTypeSpec {
        requireNonNull(name, "name is null");
        parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
        requireNonNull(position, "position is null");
    }
}
