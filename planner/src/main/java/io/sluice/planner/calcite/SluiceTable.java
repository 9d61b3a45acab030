package io.sluice.planner.calcite;

import static java.util.Objects.requireNonNull;

import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.TableKind;
import java.util.List;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A catalog table as Calcite sees it when a query reads what the table holds now (plain
 * {@code SELECT}). {@link SluiceStreamTable} is the same table read as a stream. The rowtime
 * column is declared ascending, which lets Calcite accept windowed aggregation over a stream.
 */
public class SluiceTable extends AbstractTable {
    /** Row counts are unknown (most tables are unbounded); one guess keeps costs comparable. */
    private static final double UNKNOWN_ROWS = 1_000_000d;

    private final CatalogTable table;

    public SluiceTable(CatalogTable table) {
        this.table = requireNonNull(table, "table is null");
    }

    public CatalogTable catalogTable() {
        return table;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return typeFactory.copyType(table.rowType());
    }

    @Override
    public Statistic getStatistic() {
        return table.rowtime()
                .map(rowtime -> Statistics.of(UNKNOWN_ROWS, List.of(), List.of(RelCollations.of(rowtime.index()))))
                .orElse(Statistics.UNKNOWN);
    }

    @Override
    public Schema.TableType getJdbcTableType() {
        return table.kind() == TableKind.STREAM ? Schema.TableType.STREAM : Schema.TableType.TABLE;
    }
}
