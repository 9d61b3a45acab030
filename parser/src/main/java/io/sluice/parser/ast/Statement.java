package io.sluice.parser.ast;

/**
 * One parsed statement. The set of statements is closed, so front ends can switch over it and the
 * compiler checks that every kind is handled.
 */
public sealed interface Statement
        permits CreateTable, CreateView, DropObject, Show, Describe, DescribeFunction, Explain, ExplainAnalyze,
        SetOption, ListOptions, ResetOption, Query, Insert, StatementSet, StopJob {
    /** Where the statement starts in its script. */
    SourcePosition position();
}
