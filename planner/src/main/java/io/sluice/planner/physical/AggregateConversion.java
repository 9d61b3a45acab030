package io.sluice.planner.physical;

import io.sluice.planner.window.WindowTableFunction;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.window.GroupOutput;
import io.sluice.runtime.window.WindowKind;
import io.sluice.runtime.window.WindowSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Turns a logical aggregation into a {@link SluiceWindowAggregate} or a {@link SluiceGroupAggregate}.
 * Over a window table function ({@code GROUP BY window_start, window_end, ...}), the window
 * columns are not materialized: the operator assigns windows itself, so the rows are not
 * multiplied for HOP and CUMULATE, and the projection between function and aggregation is rebuilt
 * over the function's input. A plain GROUP BY over a stream, or over an updating input, makes an
 * updating result ({@link SluiceGroupAggregate}); over bounded, appended rows it is one window,
 * which gives its result once, when the input ends (unless it groups by keys with a DISTINCT
 * aggregate only the updating aggregation has). Grouping sets are a union of plain aggregations
 * ({@link GroupingSets}).
 */
final class AggregateConversion {
    private final PhysicalConverter converter;
    private final ReadMode mode;

    AggregateConversion(PhysicalConverter converter, ReadMode mode) {
        this.converter = converter;
        this.mode = mode;
    }

    SluiceRel convert(Aggregate aggregate) {
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
            return converter.convert(GroupingSets.expand(aggregate));
        }
        RelNode input = aggregate.getInput();
        RexProgram program = input instanceof Calc calc ? calc.getProgram() : null;
        RelNode below = program != null ? input.getInput(0) : input;
        if (below instanceof TableFunctionScan scan && scan.getCall() instanceof RexCall call
                && call.getOperator() instanceof WindowTableFunction function) {
            return windowed(aggregate, program == null ? RexProgram.createIdentity(scan.getRowType()) : program, scan,
                    call, function.kind());
        }
        SluiceRel converted = converter.convert(input);
        int[] keys = aggregate.getGroupSet().toArray();
        List<GroupOutput> outputs = new ArrayList<>();
        int carriedEnd = -1;
        for (int i = 0; i < keys.length; i++) {
            outputs.add(GroupOutput.key(i));
            if (WindowColumns.isWindowEnd(converted, keys[i])) {
                carriedEnd = keys[i];
            }
        }
        if (carriedEnd >= 0) {
            // The rows carry their windows (results of an earlier windowed aggregation): aggregate per window.
            return new SluiceWindowAggregate(aggregate.getCluster(), aggregate.getTraitSet().replace(SluiceRel.CONVENTION),
                    converted, aggregate.getRowType(), WindowSpec.carried(), carriedEnd, keys, outputs,
                    aggregate.getAggCallList(), constants(program));
        }
        if (mode == ReadMode.STREAM || !Changelog.of(converted).isInsertOnly()
                // without keys the one-shot path stays: only it gives the one row of an aggregate of no rows
                || keys.length > 0 && SluiceGroupAggregate.hasDistinctOnlyItComputes(aggregate.getAggCallList())) {
            return groupAggregate(aggregate, converted, keys, constants(program));
        }
        return new SluiceWindowAggregate(aggregate.getCluster(), aggregate.getTraitSet().replace(SluiceRel.CONVENTION),
                converted, aggregate.getRowType(), WindowSpec.global(), -1, keys, outputs, aggregate.getAggCallList(),
                constants(program));
    }

    /**
     * A GROUP BY whose result updates: in two phases over appended rows when its partial results
     * merge (the session's strategy decides, when the job is built, whether the local step runs).
     */
    private SluiceRel groupAggregate(Aggregate aggregate, SluiceRel input, int[] keys, Map<Integer, RexLiteral> constants) {
        RelTraitSet traits = aggregate.getTraitSet().replace(SluiceRel.CONVENTION);
        List<AggregateCall> calls = aggregate.getAggCallList();
        if (!input.changelog().isInsertOnly() || !TwoPhaseAggregation.applies(calls)) {
            return new SluiceGroupAggregate(aggregate.getCluster(), traits, input, aggregate.getRowType(), keys, calls,
                    constants, mode);
        }
        TwoPhaseAggregation split = TwoPhaseAggregation.split(keys, calls, input.getRowType(), aggregate.getRowType(),
                aggregate.getCluster().getTypeFactory());
        SluiceLocalGroupAggregate local = new SluiceLocalGroupAggregate(aggregate.getCluster(), traits, input, keys, calls,
                constants, split);
        return SluiceGroupAggregate.global(traits, local, aggregate.getRowType(), mode);
    }

    private SluiceRel windowed(Aggregate aggregate, RexProgram program, TableFunctionScan scan, RexCall call,
                               WindowKind kind) {
        RelNode source = scan.getInput(0);
        int width = source.getRowType().getFieldCount();
        RexBuilder rex = aggregate.getCluster().getRexBuilder();
        RexProgramBuilder rebuilt = new RexProgramBuilder(source.getRowType(), rex);
        Map<Integer, Integer> columnOf = new HashMap<>();
        Map<Integer, GroupOutput.Kind> propertyOf = new HashMap<>();
        List<RexNode> projections = program.expandList(program.getProjectList());
        for (int i = 0; i < projections.size(); i++) {
            RexNode expression = projections.get(i);
            if (expression instanceof RexInputRef ref && ref.getIndex() >= width) {
                propertyOf.put(i, GroupOutput.Kind.values()[ref.getIndex() - width]);
            } else {
                requireNoWindowColumns(expression, width);
                columnOf.put(i, project(rebuilt, expression, program.getOutputRowType().getFieldNames().get(i)));
            }
        }
        if (program.getCondition() != null) {
            RexNode condition = program.expandLocalRef(program.getCondition());
            requireNoWindowColumns(condition, width);
            rebuilt.addCondition(condition);
        }
        int timeColumn = WindowCalls.descriptorColumns(call.getOperands().get(0)).get(0);
        int time = project(rebuilt, rex.makeInputRef(source, timeColumn), "$time");

        List<GroupOutput> outputs = new ArrayList<>();
        List<Integer> keys = new ArrayList<>();
        for (int group : aggregate.getGroupSet()) {
            GroupOutput.Kind property = propertyOf.get(group);
            if (property != null) {
                outputs.add(GroupOutput.window(property));
            } else {
                outputs.add(GroupOutput.key(keys.size()));
                keys.add(columnOf.get(group));
            }
        }
        if (outputs.stream().noneMatch(o -> o.kind() == GroupOutput.Kind.WINDOW_START || o.kind() == GroupOutput.Kind.WINDOW_END)) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR,
                    "an aggregation over a window table function must GROUP BY window_start and window_end");
        }
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
            List<Integer> args = new ArrayList<>();
            for (int arg : aggregateCall.getArgList()) {
                args.add(column(columnOf, arg, aggregateCall));
            }
            int filter = aggregateCall.filterArg < 0 ? -1 : column(columnOf, aggregateCall.filterArg, aggregateCall);
            calls.add(aggregateCall.copy(args, filter, aggregateCall.getCollation()));
        }
        WindowSpec spec = WindowCalls.spec(kind, call);
        if (kind == WindowKind.SESSION) {
            checkSessionKeys(call, projections, aggregate.getGroupSet(), propertyOf.keySet());
        }
        RexProgram newProgram = rebuilt.getProgram();
        SluiceRel input = converter.calcOver(converter.convert(source), newProgram);
        return new SluiceWindowAggregate(aggregate.getCluster(), aggregate.getTraitSet().replace(SluiceRel.CONVENTION),
                input, aggregate.getRowType(), spec, time, keys.stream().mapToInt(Integer::intValue).toArray(), outputs,
                calls, constants(newProgram));
    }

    /** Adds an output column to the program and returns its position among the outputs. */
    private static int project(RexProgramBuilder program, RexNode expression, String name) {
        program.addProject(expression, name);
        return program.getProjectList().size() - 1;
    }

    private static int column(Map<Integer, Integer> columnOf, int arg, AggregateCall call) {
        Integer column = columnOf.get(arg);
        if (column == null) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "the aggregate " + call.getAggregation().getName()
                    + " cannot take a window's bounds as its argument");
        }
        return column;
    }

    /** The session is keyed by exactly the aggregation's non-window grouping columns. */
    private static void checkSessionKeys(RexCall call, List<RexNode> projections, ImmutableBitSet groupSet,
                                         java.util.Set<Integer> windowColumns) {
        List<Integer> sessionKeys = WindowCalls.descriptorColumns(call.getOperands().get(1));
        List<Integer> groupColumns = new ArrayList<>();
        for (int group : groupSet) {
            if (windowColumns.contains(group)) {
                continue;
            }
            if (!(projections.get(group) instanceof RexInputRef ref)) {
                throw new SluiceException(ErrorCode.UNSUPPORTED,
                        "a session window aggregation groups by its partition keys only");
            }
            groupColumns.add(ref.getIndex());
        }
        if (!new java.util.HashSet<>(groupColumns).equals(new java.util.HashSet<>(sessionKeys))) {
            throw new SluiceException(ErrorCode.UNSUPPORTED,
                    "a session window aggregation must group by exactly its partition keys");
        }
    }

    private static void requireNoWindowColumns(RexNode expression, int width) {
        for (int column : RelOptUtil.InputFinder.bits(expression)) {
            if (column >= width) {
                throw new SluiceException(ErrorCode.UNSUPPORTED, "window bounds can only be grouped by here, "
                        + "not used in expressions or filters before the aggregation");
            }
        }
    }

    /** The projections of a program that are literals, by output column. */
    private static Map<Integer, RexLiteral> constants(RexProgram program) {
        Map<Integer, RexLiteral> constants = new HashMap<>();
        if (program != null) {
            List<RexNode> projections = program.expandList(program.getProjectList());
            for (int i = 0; i < projections.size(); i++) {
                if (projections.get(i) instanceof RexLiteral literal) {
                    constants.put(i, literal);
                }
            }
        }
        return constants;
    }
}
