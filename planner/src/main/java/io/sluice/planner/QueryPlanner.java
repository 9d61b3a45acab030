package io.sluice.planner;

import static java.util.Objects.requireNonNull;
import io.sluice.parser.StatementParser;
import io.sluice.parser.ast.Query;
import io.sluice.planner.calcite.Modality;
import io.sluice.planner.catalog.CatalogView;
import io.sluice.planner.physical.PhysicalConverter;
import io.sluice.planner.physical.SluiceCalc;
import io.sluice.planner.physical.SluiceLimit;
import io.sluice.planner.physical.SluiceRel;
import io.sluice.planner.physical.SluiceTableScan;
import io.sluice.planner.view.ViewExpansion;
import io.sluice.planner.window.WindowSyntax;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.stream.Delta;
import org.apache.calcite.rel.type.RelDataType;
import io.sluice.planner.calcite.SluiceConvertletTable;
import io.sluice.planner.calcite.SluiceRexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;

/**
 * Plans a query: Calcite validates it (with its streaming rules: {@code SELECT STREAM} only over
 * streams) and converts it to relational algebra; rewrite rules merge filters and projections
 * into single programs; the result becomes Sluice's physical plan, with filters and projections
 * over a table pushed into its scan.
 */
public final class QueryPlanner {
    private static final HepProgram LOGICAL_REWRITES = HepProgram.builder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            // OVER calls move out of projections into windows (a Top-N is a filter over one);
            // UNION becomes an aggregation over UNION ALL.
            .addRuleCollection(List.of(
                    CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW,
                    CoreRules.UNION_TO_DISTINCT))
            .addRuleCollection(List.of(
                    // A WHERE over a join (FROM a, b WHERE a.k = b.k) becomes its condition, so
                    // that its equalities key the join and the rest filters each input early.
                    CoreRules.FILTER_INTO_JOIN,
                    CoreRules.JOIN_CONDITION_PUSH,
                    CoreRules.FILTER_PROJECT_TRANSPOSE,
                    // Projections move into a join's inputs, where they can prune a window function's columns.
                    CoreRules.PROJECT_JOIN_TRANSPOSE,
                    CoreRules.FILTER_MERGE,
                    CoreRules.PROJECT_MERGE,
                    CoreRules.PROJECT_REMOVE))
            .addRuleCollection(List.of(
                    CoreRules.FILTER_TO_CALC,
                    CoreRules.PROJECT_TO_CALC,
                    CoreRules.CALC_MERGE,
                    CoreRules.CALC_REMOVE))
            .build();

    private final SqlEnvironment environment;

    public QueryPlanner(SqlEnvironment environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    /** The columns of a view, as its query has them now. */
    public RelDataType rowType(CatalogView view) {
        return validate(((Query) new StatementParser().parse(view.query())).query());
    }

    /** Validates a query and returns its columns, without planning it (for views). */
    public RelDataType validate(SqlNode parsed) {
        SqlNode query = rewrite(parsed);
        SqlValidator validator = environment.validator(environment.catalogReader(Modality.isStream(query)));
        return validator.getValidatedNodeType(validate(validator, query));
    }

    public PlannedQuery plan(SqlNode parsed) {
        SqlNode query = rewrite(parsed);
        boolean streaming = Modality.isStream(query);
        CalciteCatalogReader catalogReader = environment.catalogReader(streaming);
        SqlValidator validator = environment.validator(catalogReader);
        SqlNode validated = validate(validator, query);
        VolcanoPlanner relPlanner = new VolcanoPlanner();
        relPlanner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        RelOptCluster cluster = RelOptCluster.create(relPlanner, new SluiceRexBuilder(environment.typeFactory()));
        SqlToRelConverter converter = new SqlToRelConverter(
                (rowType, queryString, schemaPath, viewPath) -> {
                    throw SluiceException.internal("views are expanded before planning", null);
                },
                validator, catalogReader, cluster, SluiceConvertletTable.INSTANCE,
                SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false)
                        // A long IN list stays a condition; by default Calcite makes it a join with VALUES.
                        .withInSubQueryThreshold(Integer.MAX_VALUE));
        RelRoot root = converter.convertQuery(validated, false, true);
        RelNode rel = converter.trimUnusedFields(true, root.project());
        rel = SubQueryJoins.rewrite(withoutDeltas(rel));

        HepPlanner rewriter = new HepPlanner(LOGICAL_REWRITES);
        rewriter.setRoot(rel);
        RelNode logical = rewriter.findBestExp();

        logical = EmptyInputs.prune(logical);
        SluiceRel physical = new PhysicalConverter(streaming ? ReadMode.STREAM : ReadMode.SNAPSHOT).convert(logical);
        physical = (SluiceRel) bindLimits(physical, streaming, true, false);
        return new PlannedQuery(streaming, root.validatedRowType, logical, physical, environment.compiler());
    }

    /** Views expanded, then the window syntaxes Calcite cannot plan rewritten into the one it can. */
    private SqlNode rewrite(SqlNode parsed) {
        return WindowSyntax.rewrite(ViewExpansion.expand(parsed, environment.catalog()));
    }

    private static SqlNode validate(SqlValidator validator, SqlNode query) {
        try {
            LiteralChecks.check(query, validator);
            return validator.validate(query);
        } catch (CalciteContextException e) {
            throw ValidationErrors.translate(e);
        }
    }

    /**
     * A LIMIT whose rows are the query's (only filters and projections above it) ends the query
     * when it has them; one below an aggregation, a join or a union only ends its own output.
     *
     * <p>A plain SELECT reads what each table holds now. A source that only has a future (a socket,
     * a live generator) has nothing to read that way: below a LIMIT that ends the query (with only
     * filters and projections between), the query follows it until the LIMIT has its rows;
     * elsewhere it would never end, which is an error.
     *
     * @param top     whether only filters, projections and limits lie between the node and the result
     * @param limited whether one of those is a LIMIT
     */
    private static RelNode bindLimits(RelNode node, boolean streaming, boolean top, boolean limited) {
        if (!streaming && node instanceof SluiceTableScan scan && !scan.table().source().supportsSnapshot()) {
            if (!limited) {
                throw new SluiceException(ErrorCode.VALIDATION_ERROR, "'" + scan.table().name()
                        + "' is unbounded, with no rows to read now: use SELECT STREAM to follow it, "
                        + "or a LIMIT (without ORDER BY) over it to take its first rows");
            }
            return scan.withMode(ReadMode.STREAM);
        }
        boolean rowByRow = top && (node instanceof SluiceCalc || node instanceof SluiceLimit);
        boolean below = rowByRow && (limited || node instanceof SluiceLimit);
        List<RelNode> inputs = new ArrayList<>();
        for (RelNode input : node.getInputs()) {
            inputs.add(bindLimits(input, streaming, rowByRow, below));
        }
        RelNode bound = inputs.equals(node.getInputs()) ? node : node.copy(node.getTraitSet(), inputs);
        return rowByRow && bound instanceof SluiceLimit limit ? limit.endingQuery() : bound;
    }

    private static RelNode withoutDeltas(RelNode node) {
        if (node instanceof Delta delta) {
            return withoutDeltas(delta.getInput());
        }
        List<RelNode> inputs = new ArrayList<>();
        for (RelNode input : node.getInputs()) {
            inputs.add(withoutDeltas(input));
        }
        return inputs.equals(node.getInputs()) ? node : node.copy(node.getTraitSet(), inputs);
    }
}
