package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.calcite.sql.SqlNode;

/**
 * One column of a {@code CREATE STREAM|TABLE}. A physical or metadata column has a type; a
 * computed column has an expression instead (its type comes from validation) and {@code type} is
 * null.
 */
public record ColumnDefinition(
        String name,
        DataTypeSpec type,
        Optional<SqlNode> computed,
        Optional<MetadataSpec> metadata,
        Optional<String> comment,
        SourcePosition position) {
    public ColumnDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(computed, "computed is null");
        requireNonNull(metadata, "metadata is null");
        requireNonNull(comment, "comment is null");
        requireNonNull(position, "position is null");
        if (computed.isPresent() == (type != null)) {
            throw new IllegalArgumentException("column " + name + " needs either a type or an expression");
        }
        if (computed.isPresent() && metadata.isPresent()) {
            throw new IllegalArgumentException("column " + name + " cannot be both computed and metadata");
        }
    }

    public static ColumnDefinition physical(String name, DataTypeSpec type, Optional<String> comment,
            SourcePosition position) {
        return new ColumnDefinition(name, requireNonNull(type, "type is null"), Optional.empty(),
                Optional.empty(), comment, position);
    }

    public static ColumnDefinition computed(String name, SqlNode expression, Optional<String> comment,
            SourcePosition position) {
        return new ColumnDefinition(name, null, Optional.of(expression), Optional.empty(), comment, position);
    }

    public static ColumnDefinition metadata(String name, DataTypeSpec type, MetadataSpec metadata,
            Optional<String> comment, SourcePosition position) {
        return new ColumnDefinition(name, requireNonNull(type, "type is null"), Optional.empty(),
                Optional.of(metadata), comment, position);
    }

    public ColumnKind kind() {
        if (computed.isPresent()) {
            return ColumnKind.COMPUTED;
        }
        return metadata.isPresent() ? ColumnKind.METADATA : ColumnKind.PHYSICAL;
    }
}
