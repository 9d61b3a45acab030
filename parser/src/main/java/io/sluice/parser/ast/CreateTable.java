package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code CREATE STREAM|TABLE [IF NOT EXISTS] name (elements) [COMMENT '...'] [WITH (options)]}.
 * Column names are unique and the watermark and primary key columns name declared columns; the
 * options keep the order they were written in.
 */
public record CreateTable(
        TableKind kind,
        String name,
        boolean ifNotExists,
        List<ColumnDefinition> columns,
        Optional<WatermarkDefinition> watermark,
        List<String> primaryKey,
        Optional<String> comment,
        Map<String, String> options,
        SourcePosition position) implements Statement {
    public CreateTable {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(watermark, "watermark is null");
        primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
        requireNonNull(comment, "comment is null");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(options, "options is null")));
        requireNonNull(position, "position is null");
    }
}
