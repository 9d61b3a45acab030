package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlNode;

/**
 * A query ({@code SELECT [STREAM]}, {@code WITH}, {@code VALUES}, or one in parentheses), parsed by
 * Calcite. The node's parser positions are absolute in the script, so validation errors can be
 * reported where they are without any mapping. {@code text} is the query as written.
 */
public record Query(SqlNode query, String text, SourcePosition position) implements Statement {
    public Query {
        requireNonNull(query, "query is null");
        requireNonNull(text, "text is null");
        requireNonNull(position, "position is null");
    }
}
