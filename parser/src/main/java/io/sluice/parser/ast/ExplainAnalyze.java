package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * {@code EXPLAIN ANALYZE 'q3'}: the plan of a running or finished query or job with what each of
 * its operators has done; or {@code EXPLAIN ANALYZE query}: runs the query to its end and shows the same.
 *
 * @param queryId the id of the query or job, as SHOW QUERIES lists it; empty when a query is given
 * @param query   the query to run; empty when an id is given
 */
public record ExplainAnalyze(Optional<String> queryId, Optional<Query> query, SourcePosition position)
        implements Statement {
    public ExplainAnalyze {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(query, "query is null");
        requireNonNull(position, "position is null");
        if (queryId.isPresent() == query.isPresent()) {
            throw new IllegalArgumentException("either a query id or a query, not both or neither");
        }
    }

    public static ExplainAnalyze ofQueryId(String queryId, SourcePosition position) {
        return new ExplainAnalyze(Optional.of(queryId), Optional.empty(), position);
    }

    public static ExplainAnalyze ofQuery(Query query, SourcePosition position) {
        return new ExplainAnalyze(Optional.empty(), Optional.of(query), position);
    }
}
