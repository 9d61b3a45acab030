package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlNode;

/**
 * {@code WATERMARK FOR column AS expression}: the column is the event time; the expression, over
 * the row's columns, gives the watermark a row allows (typically {@code ts - INTERVAL '2' SECOND}).
 */
public record WatermarkDefinition(String column, SqlNode expression, SourcePosition position) {
    public WatermarkDefinition {
        requireNonNull(column, "column is null");
        requireNonNull(expression, "expression is null");
        requireNonNull(position, "position is null");
    }
}
