package io.sluice.parser;

import static java.util.Objects.requireNonNull;

import io.sluice.parser.SluiceStatementParser.ColumnCommentContext;
import io.sluice.parser.SluiceStatementParser.ColumnDefinitionContext;
import io.sluice.parser.SluiceStatementParser.ComputedColumnContext;
import io.sluice.parser.SluiceStatementParser.CreateTableStatementContext;
import io.sluice.parser.SluiceStatementParser.IdentifierContext;
import io.sluice.parser.SluiceStatementParser.MetadataColumnContext;
import io.sluice.parser.SluiceStatementParser.PhysicalColumnContext;
import io.sluice.parser.SluiceStatementParser.TableElementContext;
import io.sluice.parser.SluiceStatementParser.TableOptionContext;
import io.sluice.parser.SluiceStatementParser.WatermarkDefinitionContext;
import io.sluice.parser.ast.ColumnDefinition;
import io.sluice.parser.ast.CreateTable;
import io.sluice.parser.ast.MetadataSpec;
import io.sluice.parser.ast.SourcePosition;
import io.sluice.parser.ast.TableKind;
import io.sluice.parser.ast.WatermarkDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Builds a {@link CreateTable} from {@code CREATE STREAM|TABLE}, checking what a reader of the
 * statement alone can check: column names and option keys are unique, there is at most one
 * watermark and one primary key, and those name declared columns.
 */
final class TableDefinitionBuilder {
    private final StatementSource source;
    private final DataTypeBuilder dataTypes;

    TableDefinitionBuilder(StatementSource source) {
        this.source = requireNonNull(source, "source is null");
        this.dataTypes = new DataTypeBuilder(source);
    }

    CreateTable build(CreateTableStatementContext context) {
        TableKind kind = context.kind.getType() == SluiceStatementLexer.STREAM ? TableKind.STREAM : TableKind.TABLE;
        List<ColumnDefinition> columns = new ArrayList<>();
        List<WatermarkDefinitionContext> watermarks = new ArrayList<>();
        List<ParserRuleContext> primaryKeys = new ArrayList<>();
        List<IdentifierContext> primaryKeyColumns = new ArrayList<>();
        for (TableElementContext element : context.tableElement()) {
            if (element.columnDefinition() != null) {
                ColumnDefinitionContext column = element.columnDefinition();
                columns.add(column(column));
                if (column instanceof PhysicalColumnContext physical && physical.inlinePrimaryKey() != null) {
                    primaryKeys.add(physical.inlinePrimaryKey());
                    primaryKeyColumns = List.of(physical.name);
                }
            } else if (element.watermarkDefinition() != null) {
                watermarks.add(element.watermarkDefinition());
            } else {
                primaryKeys.add(element.primaryKeyConstraint());
                primaryKeyColumns = element.primaryKeyConstraint().identifierList().identifier();
            }
        }
        checkUniqueColumns(columns);
        if (watermarks.size() > 1) {
            throw new SqlParseError(source.position(watermarks.get(1)), "only one WATERMARK definition is allowed");
        }
        if (primaryKeys.size() > 1) {
            throw new SqlParseError(source.position(primaryKeys.get(1)), "only one PRIMARY KEY is allowed");
        }
        return new CreateTable(
                kind,
                Literals.identifier(context.name, source),
                context.IF() != null,
                columns,
                watermarks.stream().findFirst().map(watermark -> watermark(watermark, columns)),
                primaryKey(primaryKeyColumns, columns),
                Optional.ofNullable(context.comment).map(Literals::string),
                options(context.tableOption()),
                source.position(context));
    }

    private ColumnDefinition column(ColumnDefinitionContext context) {
        SourcePosition position = source.position(context);
        if (context instanceof PhysicalColumnContext physical) {
            boolean nullable = physical.nullability() == null || physical.nullability().NOT() == null;
            return ColumnDefinition.physical(
                    Literals.identifier(physical.name, source),
                    dataTypes.build(physical.dataType(), nullable),
                    comment(physical.columnComment()),
                    position);
        }
        if (context instanceof MetadataColumnContext metadata) {
            String name = Literals.identifier(metadata.name, source);
            String key = metadata.key == null ? name : Literals.string(metadata.key);
            return ColumnDefinition.metadata(
                    name,
                    dataTypes.build(metadata.dataType(), true),
                    new MetadataSpec(key, metadata.VIRTUAL() != null),
                    comment(metadata.columnComment()),
                    position);
        }
        ComputedColumnContext computed = (ComputedColumnContext) context;
        return ColumnDefinition.computed(
                Literals.identifier(computed.name, source),
                CalciteBodyParser.parseExpression(source.embedded(computed.expression())),
                comment(computed.columnComment()),
                position);
    }

    private static Optional<String> comment(ColumnCommentContext comment) {
        return Optional.ofNullable(comment).map(c -> Literals.string(c.STRING_LITERAL().getSymbol()));
    }

    private void checkUniqueColumns(List<ColumnDefinition> columns) {
        Set<String> seen = new HashSet<>();
        for (ColumnDefinition column : columns) {
            if (!seen.add(column.name())) {
                throw new SqlParseError(column.position(), "duplicate column '" + column.name() + "'");
            }
        }
    }

    private WatermarkDefinition watermark(WatermarkDefinitionContext context, List<ColumnDefinition> columns) {
        String column = Literals.identifier(context.column, source);
        if (columns.stream().noneMatch(c -> c.name().equals(column))) {
            throw new SqlParseError(source.position(context.column),
                    "watermark column '" + column + "' is not a column of the table");
        }
        return new WatermarkDefinition(
                column,
                CalciteBodyParser.parseExpression(source.embedded(context.expression())),
                source.position(context));
    }

    private List<String> primaryKey(List<IdentifierContext> identifiers, List<ColumnDefinition> columns) {
        List<String> primaryKey = new ArrayList<>();
        for (IdentifierContext identifier : identifiers) {
            String name = Literals.identifier(identifier, source);
            if (columns.stream().noneMatch(c -> c.name().equals(name))) {
                throw new SqlParseError(source.position(identifier),
                        "primary key column '" + name + "' is not a column of the table");
            }
            if (primaryKey.contains(name)) {
                throw new SqlParseError(source.position(identifier), "column '" + name + "' appears twice in the primary key");
            }
            primaryKey.add(name);
        }
        return primaryKey;
    }

    private Map<String, String> options(List<TableOptionContext> contexts) {
        Map<String, String> options = new LinkedHashMap<>();
        for (TableOptionContext option : contexts) {
            String key = Literals.string(option.key);
            if (options.putIfAbsent(key, Literals.string(option.value)) != null) {
                throw new SqlParseError(source.position(option.key), "duplicate option '" + key + "'");
            }
        }
        return options;
    }
}
