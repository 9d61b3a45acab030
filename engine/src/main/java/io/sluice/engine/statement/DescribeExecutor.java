package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.result.ResultColumn;
import io.sluice.parser.ast.Describe;
import io.sluice.planner.catalog.CatalogEntry;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataTypeField;

/** {@code DESCRIBE name}: the columns, as Flink lists them (name, type, null, key, extras, watermark). */
final class DescribeExecutor implements StatementExecutor<Describe> {
    @Override
    public StatementResult execute(Describe statement, Session session) {
        CatalogEntry entry = session.engine().catalog().get(statement.name());
        if (!(entry instanceof CatalogTable table)) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "DESCRIBE of a view is not supported yet");
        }
        List<Object[]> rows = new ArrayList<>();
        for (RelDataTypeField field : table.rowType().getFieldList()) {
            boolean rowtime = table.rowtime().map(r -> r.index() == field.getIndex()).orElse(false);
            ResultColumn column = ResultColumn.of(field.getName(), field.getType());
            rows.add(new Object[] {
                field.getName(),
                column.typeName() + (rowtime ? " *ROWTIME*" : ""),
                field.getType().isNullable(),
                table.primaryKey().contains(field.getName()) ? "PRI" : null,
                null,
                rowtime ? table.rowtime().get().expression() : null
            });
        }
        List<ResultColumn> columns = List.of(ResultColumn.varchar("name"), ResultColumn.varchar("type"),
                new ResultColumn("null", "BOOLEAN", java.sql.Types.BOOLEAN, 0, 0, false), ResultColumn.varchar("key"),
                ResultColumn.varchar("extras"), ResultColumn.varchar("watermark"));
        return ShowExecutor.info(columns, rows);
    }
}
