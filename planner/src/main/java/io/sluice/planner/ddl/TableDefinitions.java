package io.sluice.planner.ddl;

import io.sluice.parser.ast.ColumnDefinition;
import io.sluice.parser.ast.ColumnKind;
import io.sluice.parser.ast.CreateTable;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.Rowtime;
import io.sluice.planner.catalog.TableKind;
import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.ConnectorRegistry;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.time.Duration;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * Turns {@code CREATE STREAM|TABLE} into a catalog table: column types, the watermark, and the
 * connector's source, made now so that a bad option is reported at the statement that has it.
 */
public final class TableDefinitions {
    /** Table options the engine reads itself, as Flink does, before the connector sees the rest. */
    public static final String IDLE_TIMEOUT = "scan.watermark.idle-timeout";

    private TableDefinitions() {
    }

    public static CatalogTable create(CreateTable ddl, RelDataTypeFactory types, ConnectorRegistry connectors) {
        RelDataTypeFactory.Builder columns = types.builder();
        for (ColumnDefinition column : ddl.columns()) {
            if (column.kind() != ColumnKind.PHYSICAL) {
                throw new SluiceException(ErrorCode.UNSUPPORTED, column.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + " columns are not supported yet", column.position().line(), column.position().column(), null);
            }
            columns.add(column.name(), DataTypes.toRelDataType(column.type(), types));
        }
        RelDataType rowType = columns.build();
        Optional<Rowtime> rowtime = ddl.watermark().map(watermark -> WatermarkDeclarations.rowtime(watermark, rowType));
        String connector = ddl.options().get("connector");
        if (connector == null) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + ddl.name()
                    + "' needs a connector: add WITH ('connector' = '...')");
        }
        ConnectorOptions options = new ConnectorOptions(connector, ddl.options());
        options.required("connector");
        Optional<Duration> idleTimeout = Optional.ofNullable(options.getDuration(IDLE_TIMEOUT, null));
        Source source = connectors.source(connector).create(new SourceContext(ddl.name(),
                ArrowTypeMapping.toSchema(rowType), options, connectors.formats()));
        options.checkAllUsed();
        TableKind kind = ddl.kind() == io.sluice.parser.ast.TableKind.STREAM ? TableKind.STREAM : TableKind.TABLE;
        return new CatalogTable(ddl.name(), kind, rowType, rowtime, ddl.primaryKey(), ddl.options(), source, idleTimeout);
    }
}
