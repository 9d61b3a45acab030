package io.sluice.planner.physical;

import io.sluice.planner.calcite.SluiceTable;
import io.sluice.planner.window.WindowTableFunction;
import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.window.WindowKind;
import io.sluice.runtime.window.WindowSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Turns an optimized logical plan into Sluice's physical plan, node by node. Each logical node
 * kind has one small conversion in the table below; a kind with none is a clear "not supported
 * yet" error naming it.
 */
public final class PhysicalConverter {
    private final ReadMode mode;
    private final AggregateConversion aggregates;
    private final JoinConversion joins;
    private final RankConversion ranks;
    private final OverConversion overs;
    private final SortConversion sorts;
    private final UnionConversion unions;
    private final Map<Class<? extends RelNode>, BiFunction<PhysicalConverter, RelNode, SluiceRel>> conversions =
            new LinkedHashMap<>();

    /** @param mode how the query reads its tables: as streams or as what they hold now */
    public PhysicalConverter(ReadMode mode) {
        this.mode = mode;
        this.aggregates = new AggregateConversion(this, mode);
        this.joins = new JoinConversion(this, mode);
        this.ranks = new RankConversion(this);
        this.overs = new OverConversion(this);
        this.sorts = new SortConversion(this, ranks, mode);
        this.unions = new UnionConversion(this);
        conversions.put(LogicalAggregate.class, (c, node) -> c.aggregates.convert((Aggregate) node));
        conversions.put(LogicalJoin.class, (c, node) -> c.joins.convert((Join) node));
        conversions.put(LogicalTableFunctionScan.class, (c, node) -> c.windowTableFunction((TableFunctionScan) node));
        conversions.put(LogicalTableScan.class, (c, node) -> c.scan((TableScan) node));
        conversions.put(LogicalCalc.class, (c, node) -> c.calc((Calc) node));
        conversions.put(LogicalSort.class, (c, node) -> c.sorts.convert((Sort) node));
        conversions.put(LogicalUnion.class, (c, node) -> c.unions.convert((Union) node));
        conversions.put(LogicalWindow.class, (c, node) -> c.overs.convert((Window) node));
        conversions.put(LogicalValues.class, (c, node) -> {
            Values values = (Values) node;
            return new SluiceValues(values.getCluster(), values.getRowType(), values.getTuples(),
                    values.getTraitSet().replace(SluiceRel.CONVENTION));
        });
    }

    public SluiceRel convert(RelNode node) {
        BiFunction<PhysicalConverter, RelNode, SluiceRel> conversion = conversions.get(node.getClass());
        if (conversion == null) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, describe(node) + " not supported yet");
        }
        return conversion.apply(this, node);
    }

    private SluiceRel scan(TableScan scan) {
        SluiceTable table = scan.getTable().unwrap(SluiceTable.class);
        if (table == null) {
            throw SluiceException.internal("scan of an unknown kind of table: " + scan.getTable().getQualifiedName(), null);
        }
        SluiceTableScan tableScan = new SluiceTableScan(scan.getCluster(), scan.getTraitSet().replace(SluiceRel.CONVENTION),
                scan.getTable(), table.catalogTable(), mode, null);
        // Operators take retract changelogs: an upsert source's is normalised first, by its key.
        return tableScan.changelog().mode() == ChangelogMode.UPSERT
                ? new SluiceChangelogNormalize(tableScan.getTraitSet(), tableScan)
                : tableScan;
    }

    /** A window table function that is not aggregated (SESSION windows exist only when aggregated). */
    private SluiceRel windowTableFunction(TableFunctionScan scan) {
        return windowTableFunction(scan, null);
    }

    /**
     * A window table function that is not aggregated. When a filter and projection read it
     * ({@code program}), only the input columns they use (and the time column) go through it:
     * the others are dropped before the rows are windowed, moved and buffered.
     */
    private SluiceRel windowTableFunction(TableFunctionScan scan, RexProgram program) {
        if (!(scan.getCall() instanceof RexCall call && call.getOperator() instanceof WindowTableFunction function)
                || function.kind() == WindowKind.SESSION) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, scan.getCall() instanceof RexCall call
                    && call.getOperator() instanceof WindowTableFunction
                    ? "SESSION windows are supported in aggregations only (GROUP BY window_start, window_end, ...)"
                    : "this table function is not supported");
        }
        WindowSpec spec = WindowCalls.spec(function.kind(), call);
        int timeColumn = WindowCalls.descriptorColumns(call.getOperands().get(0)).get(0);
        RelNode source = scan.getInput(0);
        SluiceRel input = convert(source);
        if (program == null) {
            return new SluiceWindowTableFunction(scan.getCluster(), scan.getTraitSet().replace(SluiceRel.CONVENTION),
                    input, scan.getRowType(), spec, timeColumn);
        }
        int width = source.getRowType().getFieldCount();
        // the program's expression list begins with every input column: what it uses is what its
        // projections and condition reach
        RexNode condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
        ImmutableBitSet used = RelOptUtil.InputFinder.bits(program.expandList(program.getProjectList()), condition)
                .intersect(ImmutableBitSet.range(width))
                .union(ImmutableBitSet.of(timeColumn));
        RexBuilder rex = scan.getCluster().getRexBuilder();
        RexProgramBuilder pruned = new RexProgramBuilder(source.getRowType(), rex);
        int[] newIndex = new int[scan.getRowType().getFieldCount()];
        RelDataTypeFactory.Builder rowType = scan.getCluster().getTypeFactory().builder();
        for (int column : used) {
            newIndex[column] = pruned.getProjectList().size();
            pruned.addProject(rex.makeInputRef(source, column), source.getRowType().getFieldNames().get(column));
            rowType.add(source.getRowType().getFieldList().get(column));
        }
        for (int k = 0; k < 3; k++) {
            newIndex[width + k] = used.cardinality() + k;
            rowType.add(scan.getRowType().getFieldList().get(width + k));
        }
        SluiceRel windowed = new SluiceWindowTableFunction(scan.getCluster(),
                scan.getTraitSet().replace(SluiceRel.CONVENTION), calcOver(input, pruned.getProgram()), rowType.build(),
                spec, newIndex[timeColumn]);
        RexShuttle remap = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
            }
        };
        RexProgramBuilder remapped = new RexProgramBuilder(windowed.getRowType(), rex);
        List<RexNode> projections = program.expandList(program.getProjectList());
        for (int i = 0; i < projections.size(); i++) {
            remapped.addProject(projections.get(i).accept(remap), program.getOutputRowType().getFieldNames().get(i));
        }
        if (program.getCondition() != null) {
            remapped.addCondition(program.expandLocalRef(program.getCondition()).accept(remap));
        }
        return calcOver(windowed, remapped.getProgram());
    }

    private SluiceRel calc(Calc calc) {
        if (calc.getInput() instanceof TableFunctionScan scan && scan.getCall() instanceof RexCall call
                && call.getOperator() instanceof WindowTableFunction function && function.kind() != WindowKind.SESSION) {
            return windowTableFunction(scan, calc.getProgram());
        }
        if (calc.getInput() instanceof Window window) {
            return RankConversion.isRank(window) ? ranks.convert(calc, window)
                    : calcOver(overs.convert(window), calc.getProgram());
        }
        return calcOver(convert(calc.getInput()), calc.getProgram());
    }

    /**
     * A filter and projection over a converted input: pushed into a scan, to run where rows are
     * read, or merged with the filter and projection below it, so that one kernel does both.
     */
    SluiceRel calcOver(SluiceRel input, RexProgram program) {
        RexBuilder rex = input.getCluster().getRexBuilder();
        if (input instanceof SluiceTableScan scan) {
            return scan.withPushed(scan.pushed() == null ? program
                    : RexProgramBuilder.mergePrograms(program, scan.pushed(), rex));
        }
        if (input instanceof SluiceCalc below) {
            return new SluiceCalc(below.getCluster(), below.getTraitSet(), below.getInput(),
                    RexProgramBuilder.mergePrograms(program, below.getProgram(), rex));
        }
        return new SluiceCalc(input.getCluster(), input.getTraitSet(), input, program);
    }

    private static String describe(RelNode node) {
        String kind = node.getRelTypeName().replace("Logical", "");
        return switch (kind) {
            case "Correlate" -> "correlated subqueries are";
            case "Union", "Intersect", "Minus" -> "set operations (" + kind.toUpperCase(java.util.Locale.ROOT) + ") are";
            default -> "the operation " + kind + " is";
        };
    }
}
