package io.sluice.engine.job;

import org.apache.calcite.util.ImmutableBitSet;

import io.sluice.planner.physical.Changelog;
import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.planner.physical.JobOptions;

import static java.util.Objects.requireNonNull;

import io.sluice.parser.ast.Insert;
import io.sluice.planner.PlannedQuery;
import io.sluice.planner.QueryPlanner;
import io.sluice.planner.SqlEnvironment;
import io.sluice.planner.catalog.CatalogEntry;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.physical.SluiceTableScan;
import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.checkpoint.CheckpointConfig;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.job.JobSpec;
import io.sluice.runtime.job.PipelineOutput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Plans {@code INSERT INTO target [(columns)] query} as a continuous job writing into the
 * target's sink. The query reads its sources as streams, as Flink's INSERT does, whether or not
 * it says {@code STREAM}: it runs until its sources end or the job is stopped. Its columns go to
 * the target's columns by position (or to the listed ones, the others getting NULL), with the
 * casts SQL allows for assignment; anything else is a type mismatch (SQLState 42804).
 */
public final class InsertPlanner {
    private static final SqlParserPos POS = SqlParserPos.ZERO;

    private final SqlEnvironment environment;

    public InsertPlanner(SqlEnvironment environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    /** A planned INSERT: the target, its sink, and the query whose rows go there. */
    public record Plan(String statement, CatalogTable target, Sink sink, PlannedQuery query) {
        public Plan {
            requireNonNull(statement, "statement is null");
            requireNonNull(target, "target is null");
            requireNonNull(sink, "sink is null");
            requireNonNull(query, "query is null");
        }

        /** The job writing the query's rows into the sink, every task writing its own share. */
        public JobSpec jobSpec(String jobName, JobOptions options) {
            PipelineOutput.ToSink output = new PipelineOutput.ToSink(sink.describe(),
                    context -> new CountingOutput(sink.createOutput(context), context.metrics()), sink::committer);
            return query.jobSpec(jobName, options, output, sink.needsSingleWriter());
        }

        /**
         * Refuses a job without checkpoints into a sink that makes rows visible only when a
         * checkpoint completes: it would run and never show what it wrote.
         */
        public void checkDelivery(boolean checkpointing) {
            if (checkpointing) {
                return;
            }
            sink.needsCheckpoints().ifPresent(reason -> {
                throw new SluiceException(ErrorCode.INVALID_OPTION, "INSERT INTO '" + target.name() + "': its connector '"
                        + target.options().get("connector") + "' with " + reason + ", and this job takes none: SET '"
                        + CheckpointConfig.INTERVAL + "' (such as '10 s') before the INSERT, or write at least once");
            });
        }

        /**
         * Checks, within a bounded wait, that every table read can be read and is there, and that
         * the target is there, so that the statement reports it rather than its job.
         */
        public void check() {
            for (CatalogTable table : sources(query.physical(), new ArrayList<>())) {
                table.source().check();
            }
            sink.check();
        }

        private static List<CatalogTable> sources(RelNode node, List<CatalogTable> tables) {
            if (node instanceof SluiceTableScan scan && !tables.contains(scan.table())) {
                tables.add(scan.table());
            }
            for (RelNode input : node.getInputs()) {
                sources(input, tables);
            }
            return tables;
        }
    }

    public Plan plan(Insert insert, String statement) {
        CatalogEntry entry = environment.catalog().get(insert.target());
        if (!(entry instanceof CatalogTable target)) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR, "cannot INSERT INTO '" + insert.target()
                    + "': it is a view");
        }
        Sink sink = target.sink().orElseThrow(() -> new SluiceException(ErrorCode.VALIDATION_ERROR, "cannot INSERT INTO '"
                + target.name() + "': its connector '" + target.options().get("connector") + "' can only be read"));
        return plan(target, sink, insert, statement);
    }

    /**
     * Plans the rows of an INSERT into a given target and sink, which need not be in the catalog
     * (a materialized view's result is written this way).
     */
    public Plan plan(CatalogTable target, Sink sink, Insert insert, String statement) {
        List<RelDataTypeField> columns = targetColumns(insert, target);
        SqlNode query = asStream(insert.query().query());
        QueryPlanner planner = new QueryPlanner(environment);
        PlannedQuery plan = planner.plan(query);
        List<RelDataTypeField> produced = plan.rowType().getFieldList();
        if (produced.size() != columns.size()) {
            throw new SluiceException(ErrorCode.TYPE_MISMATCH, "INSERT INTO '" + target.name() + "': the query gives "
                    + produced.size() + " columns but " + columns.size() + " are written ("
                    + String.join(", ", columns.stream().map(RelDataTypeField::getName).toList()) + ")");
        }
        boolean reshape = !insert.columns().isEmpty() && columns.size() != target.writableColumns().size();
        for (int i = 0; i < columns.size(); i++) {
            RelDataType from = produced.get(i).getType();
            RelDataType to = columns.get(i).getType();
            if (!SqlTypeUtil.canAssignFrom(to, from)) {
                throw new SluiceException(ErrorCode.TYPE_MISMATCH, "INSERT INTO '" + target.name() + "': column '"
                        + columns.get(i).getName() + "' is " + to.getFullTypeString() + " but the query's column "
                        + (i + 1) + " ('" + produced.get(i).getName() + "') is " + from.getFullTypeString());
            }
            reshape |= !ArrowTypeMapping.toArrowType(from).equals(ArrowTypeMapping.toArrowType(to))
                    || !insert.columns().isEmpty() && !columns.get(i).getName().equals(target.writableColumns().get(i).getName());
        }
        if (reshape) {
            plan = planner.plan(reshaped(query, columns, target.writableColumns()));
        }
        checkChangelog(plan.changelog(), target, sink);
        if (sink.acceptedChangelog() == ChangelogMode.UPSERT && !target.primaryKey().isEmpty()) {
            List<String> written = target.writableColumns().stream().map(RelDataTypeField::getName).toList();
            plan = plan.inUpsertMode(ImmutableBitSet.of(target.primaryKey().stream().mapToInt(written::indexOf).toArray()));
        }
        return new Plan(statement, target, sink, plan);
    }

    /**
     * An updating query goes only into a sink that takes updates: one that writes by key needs the
     * table's primary key; one that appends cannot take it at all.
     */
    private static void checkChangelog(Changelog changelog, CatalogTable target, Sink sink) {
        if (changelog.isInsertOnly()) {
            return;
        }
        ChangelogMode accepted = sink.acceptedChangelog();
        String connector = target.options().get("connector");
        if (!accepted.accepts(changelog.mode())) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "INSERT INTO '" + target.name() + "': the query updates "
                    + "rows it wrote before (" + changelog.origin() + " makes updating results), but the connector '"
                    + connector + "' " + (accepted.isInsertOnly() ? "only appends rows" : "needs the old value of each update")
                    + "; write into a table that takes updates, such as 'upsert-kafka' or 'jdbc' with a PRIMARY KEY");
        }
        if (accepted == ChangelogMode.UPSERT && target.primaryKey().isEmpty()) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "INSERT INTO '" + target.name() + "': the query updates "
                    + "rows it wrote before (" + changelog.origin() + " makes updating results), and the connector '"
                    + connector + "' writes updates by key: declare the table's PRIMARY KEY (...) NOT ENFORCED");
        }
    }

    private static List<RelDataTypeField> targetColumns(Insert insert, CatalogTable target) {
        List<RelDataTypeField> writable = target.writableColumns();
        if (insert.columns().isEmpty()) {
            return writable;
        }
        List<RelDataTypeField> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : insert.columns()) {
            RelDataTypeField field = writable.stream().filter(f -> f.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new SluiceException(ErrorCode.COLUMN_NOT_FOUND, "INSERT INTO '" + target.name()
                            + "': '" + name + "' is not a column it can be written to"
                            + (target.metadataColumns().contains(name) ? " (metadata columns are read only)"
                                    : target.rowType().getField(name, true, false) != null ? " (computed columns are read only)" : "")));
            if (!seen.add(name)) {
                throw new SluiceException(ErrorCode.VALIDATION_ERROR, "INSERT INTO '" + target.name() + "': column '"
                        + name + "' is listed twice");
            }
            columns.add(field);
        }
        return columns;
    }

    /** The query with {@code STREAM} added, so that it follows its sources. */
    static SqlNode asStream(SqlNode query) {
        if (query instanceof SqlOrderBy orderBy) {
            asStream(orderBy.query);
        } else if (query instanceof SqlWith with) {
            asStream(with.body);
        } else if (query instanceof SqlSelect select && !select.isKeywordPresent(SqlSelectKeyword.STREAM)) {
            List<SqlNode> keywords = new ArrayList<>();
            if (select.getModifierNode(SqlSelectKeyword.DISTINCT) != null) {
                keywords.add(SqlSelectKeyword.DISTINCT.symbol(POS));
            }
            keywords.add(SqlSelectKeyword.STREAM.symbol(POS));
            select.setOperand(0, new SqlNodeList(keywords, POS));
        }
        return query;
    }

    /** The query as a subquery, its columns cast to the target's types and placed in the target's order. */
    private static SqlNode reshaped(SqlNode query, List<RelDataTypeField> columns, List<RelDataTypeField> writable) {
        withoutStream(query);
        List<SqlNode> from = new ArrayList<>(List.of(query, new SqlIdentifier("q", POS)));
        for (int i = 0; i < columns.size(); i++) {
            from.add(new SqlIdentifier("c" + i, POS));
        }
        SqlNodeList select = new SqlNodeList(POS);
        for (RelDataTypeField target : writable) {
            int source = columns.stream().map(RelDataTypeField::getName).toList().indexOf(target.getName());
            SqlNode value = source < 0 ? SqlLiteral.createNull(POS) : new SqlIdentifier(List.of("q", "c" + source), POS);
            SqlNode cast = SqlStdOperatorTable.CAST.createCall(POS, value, SqlTypeUtil.convertTypeToSpec(target.getType()));
            select.add(SqlStdOperatorTable.AS.createCall(POS, cast, new SqlIdentifier(target.getName(), POS)));
        }
        SqlBasicCall subquery = (SqlBasicCall) SqlStdOperatorTable.AS.createCall(POS, from);
        return new SqlSelect(POS, new SqlNodeList(List.of(SqlSelectKeyword.STREAM.symbol(POS)), POS), select, subquery,
                null, null, null, null, null, null, null, null, null);
    }

    private static void withoutStream(SqlNode query) {
        if (query instanceof SqlOrderBy orderBy) {
            withoutStream(orderBy.query);
        } else if (query instanceof SqlWith with) {
            withoutStream(with.body);
        } else if (query instanceof SqlSelect select && select.isKeywordPresent(SqlSelectKeyword.STREAM)) {
            List<SqlNode> keywords = new ArrayList<>();
            if (select.getModifierNode(SqlSelectKeyword.DISTINCT) != null) {
                keywords.add(SqlSelectKeyword.DISTINCT.symbol(POS));
            }
            select.setOperand(0, new SqlNodeList(keywords, POS));
        }
    }
}
