package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.result.ResultColumn;
import io.sluice.parser.ast.Describe;
import io.sluice.planner.QueryPlanner;
import io.sluice.planner.catalog.CatalogEntry;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.CatalogView;
import io.sluice.planner.catalog.ComputedColumn;
import io.sluice.planner.calcite.ProctimeFunction;
import java.util.Optional;
import org.apache.calcite.rex.RexCall;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/** {@code DESCRIBE name}: the columns of a table or view, as Flink lists them (name, type, null, key, extras, watermark). */
final class DescribeExecutor implements StatementExecutor<Describe> {
    private static final List<ResultColumn> COLUMNS = List.of(ResultColumn.varchar("name"), ResultColumn.varchar("type"),
            new ResultColumn("null", "BOOLEAN", java.sql.Types.BOOLEAN, 0, 0, false), ResultColumn.varchar("key"),
            ResultColumn.varchar("extras"), ResultColumn.varchar("watermark"));

    @Override
    public StatementResult execute(Describe statement, Session session) {
        CatalogEntry entry = session.engine().catalog().get(statement.name());
        List<Object[]> rows = new ArrayList<>();
        if (entry instanceof CatalogView view) {
            RelDataType rowType = new QueryPlanner(session.engine().sql()).rowType(view);
            for (RelDataTypeField field : rowType.getFieldList()) {
                rows.add(new Object[] {field.getName(), ResultColumn.of(field.getName(), field.getType()).typeName(),
                    field.getType().isNullable(), null, null, null});
            }
            return ShowExecutor.info(COLUMNS, rows);
        }
        CatalogTable table = (CatalogTable) entry;
        for (RelDataTypeField field : table.rowType().getFieldList()) {
            boolean rowtime = table.rowtime().map(r -> r.index() == field.getIndex()).orElse(false);
            ResultColumn column = ResultColumn.of(field.getName(), field.getType());
            Optional<ComputedColumn> computed = table.computed(field.getIndex());
            boolean proctime = computed.map(c -> c.expression() instanceof RexCall call
                    && call.getOperator() == ProctimeFunction.PROCTIME).orElse(false);
            rows.add(new Object[] {
                field.getName(),
                column.typeName() + (rowtime ? " *ROWTIME*" : proctime ? " *PROCTIME*" : ""),
                field.getType().isNullable(),
                table.primaryKey().contains(field.getName()) ? "PRI" : null,
                computed.map(c -> "AS " + c.text())
                        .orElse(table.metadataColumns().contains(field.getName()) ? "METADATA" : null),
                rowtime ? table.rowtime().get().expression() : null
            });
        }
        return ShowExecutor.info(COLUMNS, rows);
    }
}
