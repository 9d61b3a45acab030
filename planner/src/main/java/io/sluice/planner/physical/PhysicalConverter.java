package io.sluice.planner.physical;

import io.sluice.planner.calcite.SluiceTable;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rex.RexLiteral;

/**
 * Turns an optimized logical plan into Sluice's physical plan, node by node. Each logical node
 * kind has one small conversion in the table below; a kind with none is a clear "not supported
 * yet" error naming it.
 */
public final class PhysicalConverter {
    private final ReadMode mode;
    private final Map<Class<? extends RelNode>, BiFunction<PhysicalConverter, RelNode, SluiceRel>> conversions =
            new LinkedHashMap<>();

    /** @param mode how the query reads its tables: as streams or as what they hold now */
    public PhysicalConverter(ReadMode mode) {
        this.mode = mode;
        conversions.put(LogicalTableScan.class, (c, node) -> c.scan((TableScan) node));
        conversions.put(LogicalCalc.class, (c, node) -> c.calc((Calc) node));
        conversions.put(LogicalSort.class, (c, node) -> c.limit((Sort) node));
        conversions.put(LogicalValues.class, (c, node) -> {
            Values values = (Values) node;
            return new SluiceValues(values.getCluster(), values.getRowType(), values.getTuples(),
                    values.getTraitSet().replace(SluiceRel.CONVENTION));
        });
    }

    public SluiceRel convert(RelNode node) {
        BiFunction<PhysicalConverter, RelNode, SluiceRel> conversion = conversions.get(node.getClass());
        if (conversion == null) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, describe(node) + " is not supported yet");
        }
        return conversion.apply(this, node);
    }

    private SluiceRel scan(TableScan scan) {
        SluiceTable table = scan.getTable().unwrap(SluiceTable.class);
        if (table == null) {
            throw SluiceException.internal("scan of an unknown kind of table: " + scan.getTable().getQualifiedName(), null);
        }
        return new SluiceTableScan(scan.getCluster(), scan.getTraitSet().replace(SluiceRel.CONVENTION), scan.getTable(),
                table.catalogTable(), mode, null);
    }

    /** A filter and projection right over a scan is pushed into it, to run where rows are read. */
    private SluiceRel calc(Calc calc) {
        SluiceRel input = convert(calc.getInput());
        if (input instanceof SluiceTableScan scan && scan.pushed() == null) {
            return scan.withPushed(calc.getProgram());
        }
        return new SluiceCalc(calc.getCluster(), calc.getTraitSet().replace(SluiceRel.CONVENTION), input,
                calc.getProgram());
    }

    private SluiceRel limit(Sort sort) {
        if (!sort.getCollation().getFieldCollations().isEmpty()) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "ORDER BY is not supported yet");
        }
        if (sort.offset != null) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "OFFSET is not supported yet");
        }
        if (sort.fetch == null) {
            return convert(sort.getInput());
        }
        if (!(sort.fetch instanceof RexLiteral literal)) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "LIMIT must be a number");
        }
        long limit = literal.getValueAs(Long.class);
        return new SluiceLimit(sort.getCluster(), sort.getTraitSet().replace(SluiceRel.CONVENTION),
                convert(sort.getInput()), limit);
    }

    private static String describe(RelNode node) {
        String kind = node.getRelTypeName().replace("Logical", "");
        return switch (kind) {
            case "Aggregate" -> "aggregation (GROUP BY) in this form";
            case "Join", "Correlate" -> "joins";
            case "Union", "Intersect", "Minus" -> "set operations (" + kind.toUpperCase(java.util.Locale.ROOT) + ")";
            case "Window" -> "OVER windows";
            case "TableFunctionScan" -> "this table function";
            default -> "the operation " + kind;
        };
    }
}
