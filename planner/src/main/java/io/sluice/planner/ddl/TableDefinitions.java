package io.sluice.planner.ddl;

import io.sluice.parser.ast.ColumnDefinition;
import io.sluice.parser.ast.ColumnKind;
import io.sluice.parser.ast.CreateTable;
import io.sluice.parser.ast.MetadataSpec;
import io.sluice.planner.SqlEnvironment;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.ComputedColumn;
import io.sluice.planner.catalog.Rowtime;
import io.sluice.planner.catalog.SinkOnlySource;
import io.sluice.planner.catalog.TableKind;
import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.Clock;
import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.ConnectorRegistry;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.SinkContext;
import io.sluice.runtime.connector.SinkFactory;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceFactory;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.operator.WatermarkStrategy;
import io.sluice.runtime.security.AccessPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Turns {@code CREATE STREAM|TABLE} into a catalog table: column types, the watermark, and the
 * connector's source and sink, whichever it has, made now so that a bad option is reported at
 * the statement that has it. Metadata columns are allowed where the connector's source fills
 * them; computed columns are converted over the others (the stored columns, which the source
 * reads and the sink writes).
 */
public final class TableDefinitions {
    /** Table options the engine reads itself, as Flink does, before the connector sees the rest. */
    public static final String IDLE_TIMEOUT = "scan.watermark.idle-timeout";

    private TableDefinitions() {
    }

    /** The table {@code ddl} declares, its connector limited to what {@code accessPolicy} allows. */
    public static CatalogTable create(CreateTable ddl, SqlEnvironment sql, ConnectorRegistry connectors,
                                      Clock clock, AccessPolicy accessPolicy) {
        String connector = ddl.options().get("connector");
        if (connector == null) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + ddl.name()
                    + "' needs a connector: add WITH ('connector' = '...')");
        }
        connectors.checkKnown(connector);
        Optional<SourceFactory> sourceFactory = connectors.findSource(connector);
        Optional<SinkFactory> sinkFactory = connectors.findSink(connector);

        RelDataTypeFactory types = sql.typeFactory();
        RelDataTypeFactory.Builder storedColumns = types.builder();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (ColumnDefinition column : ddl.columns()) {
            if (column.kind() == ColumnKind.COMPUTED) {
                continue;
            }
            if (column.kind() == ColumnKind.METADATA) {
                MetadataSpec spec = column.metadata().orElseThrow();
                List<String> keys = new ArrayList<>(new TreeSet<>(
                        sourceFactory.map(SourceFactory::metadataKeys).orElse(java.util.Set.of())));
                if (!keys.contains(spec.key())) {
                    throw new SluiceException(ErrorCode.UNSUPPORTED, "connector '" + connector + "' has no metadata '"
                            + spec.key() + "' for column '" + column.name() + "'"
                            + (keys.isEmpty() ? "; it has no metadata columns" : "; it has " + String.join(", ", keys)),
                            column.position().line(), column.position().column(), null);
                }
                metadata.put(column.name(), spec.key());
            }
            storedColumns.add(column.name(), DataTypes.toRelDataType(column.type(), types));
        }
        RelDataType storedType = storedColumns.build();
        List<ComputedColumn> computed = new ArrayList<>();
        RelDataTypeFactory.Builder columns = types.builder();
        ComputedColumns expressions = null;
        for (ColumnDefinition column : ddl.columns()) {
            if (column.kind() == ColumnKind.COMPUTED) {
                expressions = expressions == null ? new ComputedColumns(sql, storedType) : expressions;
                ComputedColumn computedColumn = expressions.convert(column, ddl.columns().indexOf(column));
                computed.add(computedColumn);
                columns.add(column.name(), computedColumn.expression().getType());
            } else {
                columns.add(storedType.getField(column.name(), true, false));
            }
        }
        RelDataType rowType = columns.build();
        Optional<Rowtime> rowtime = ddl.watermark().map(watermark -> WatermarkDeclarations.rowtime(watermark, rowType));
        // a computed rowtime is not in the records the source reads: the scan derives its watermark
        Optional<WatermarkStrategy> sourceWatermarks = rowtime
                .filter(r -> computed.stream().noneMatch(column -> column.index() == r.index()))
                .map(r -> new WatermarkStrategy(storedType.getField(r.column(), true, false).getIndex(), r.delayMillis()));
        ConnectorOptions options = new ConnectorOptions(connector, ddl.options());
        options.required("connector");
        Optional<Duration> idleTimeout = Optional.ofNullable(options.getDuration(IDLE_TIMEOUT, null));
        Source source = sourceFactory
                .map(factory -> factory.create(new SourceContext(ddl.name(), ArrowTypeMapping.toSchema(storedType), options,
                        connectors.formats(), sourceWatermarks, idleTimeout, metadata, clock,
                        accessPolicy, ddl.primaryKey())))
                .orElseGet(() -> new SinkOnlySource(ddl.name(), connector));
        Optional<Sink> sink = sinkFactory.map(factory -> factory.create(new SinkContext(ddl.name(),
                ArrowTypeMapping.toSchema(writable(storedType, metadata, types)), ddl.primaryKey(), options,
                connectors.formats(), accessPolicy)));
        options.checkAllUsed();
        TableKind kind = ddl.kind() == io.sluice.parser.ast.TableKind.STREAM ? TableKind.STREAM : TableKind.TABLE;
        return new CatalogTable(ddl.name(), kind, rowType, rowtime, ddl.primaryKey(), ddl.options(), source, idleTimeout,
                sink, List.copyOf(metadata.keySet()), computed);
    }

    private static RelDataType writable(RelDataType rowType, Map<String, String> metadata, RelDataTypeFactory types) {
        RelDataTypeFactory.Builder columns = types.builder();
        for (RelDataTypeField field : rowType.getFieldList()) {
            if (!metadata.containsKey(field.getName())) {
                columns.add(field);
            }
        }
        return columns.build();
    }
}
