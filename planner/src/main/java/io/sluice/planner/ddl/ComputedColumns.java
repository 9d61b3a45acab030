package io.sluice.planner.ddl;

import io.sluice.parser.ast.ColumnDefinition;
import io.sluice.planner.SqlEnvironment;
import io.sluice.planner.ValidationErrors;
import io.sluice.planner.calcite.SluiceConvertletTable;
import io.sluice.planner.calcite.SluiceRexBuilder;
import io.sluice.planner.catalog.ComputedColumn;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;

/**
 * The expressions of computed columns ({@code c AS expr}), validated and converted over the
 * table's stored columns (physical and metadata) when the table is created, as Flink does: a
 * computed column may not read another computed column, and may call any function a query may.
 */
final class ComputedColumns {
    private static final Pattern UNKNOWN = Pattern.compile("Unknown identifier '(.*)'");

    private final SqlValidator validator;
    private final SqlToRelConverter converter;
    private final Map<String, RelDataType> storedTypes = new LinkedHashMap<>();
    private final Map<String, RexNode> storedRefs = new LinkedHashMap<>();

    /** @param stored the table's stored columns, in order: what the computed columns read */
    ComputedColumns(SqlEnvironment sql, RelDataType stored) {
        CalciteCatalogReader catalogReader = sql.catalogReader(false);
        this.validator = sql.validator(catalogReader);
        RexBuilder rexBuilder = new SluiceRexBuilder(sql.typeFactory());
        RelOptCluster cluster = RelOptCluster.create(new VolcanoPlanner(), rexBuilder);
        this.converter = new SqlToRelConverter((rowType, queryString, schemaPath, viewPath) -> {
            throw SluiceException.internal("a computed column reads no view", null);
        }, validator, catalogReader, cluster, SluiceConvertletTable.INSTANCE, SqlToRelConverter.config());
        for (RelDataTypeField field : stored.getFieldList()) {
            storedTypes.put(field.getName(), field.getType());
            storedRefs.put(field.getName(), rexBuilder.makeInputRef(field.getType(), field.getIndex()));
        }
    }

    /** The column {@code definition} declares, at {@code index} among the table's columns. */
    ComputedColumn convert(ColumnDefinition definition, int index) {
        SqlNode expression = definition.computed().orElseThrow();
        String text = expression.toString();
        try {
            SqlNode validated = validator.validateParameterizedExpression(expression, storedTypes);
            return new ComputedColumn(definition.name(), index, converter.convertExpression(validated, storedRefs), text);
        } catch (CalciteContextException e) {
            Matcher unknown = UNKNOWN.matcher(String.valueOf(e.getCause() == null ? null : e.getCause().getMessage()));
            if (unknown.matches()) {
                throw new SluiceException(ErrorCode.COLUMN_NOT_FOUND, "the computed column '" + definition.name()
                        + "' reads '" + unknown.group(1) + "', which is not a physical or metadata column of the table",
                        e.getPosLine(), e.getPosColumn(), e);
            }
            throw ValidationErrors.translate(e);
        }
    }
}
