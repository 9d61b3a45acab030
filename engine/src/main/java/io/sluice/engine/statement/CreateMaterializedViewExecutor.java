package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.job.BackgroundJob;
import io.sluice.engine.job.InsertPlanner;
import io.sluice.engine.view.MaterializedView;
import io.sluice.parser.StatementParser;
import io.sluice.parser.ast.CreateView;
import io.sluice.parser.ast.Insert;
import io.sluice.parser.ast.Query;
import io.sluice.planner.QueryPlanner;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.TableKind;
import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.planner.view.ViewExpansion;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.planner.physical.JobOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;

/**
 * {@code CREATE MATERIALIZED VIEW v AS query}: the query runs as a background job (listed by SHOW
 * QUERIES) whose sink is the view's rows, kept by the query's key; the view is a table every query
 * can read, at once from its current rows or following its changes. The job takes checkpoints and
 * restarts as the session's options say, as an INSERT's does; its checkpoints hold the view's rows.
 */
final class CreateMaterializedViewExecutor implements StatementExecutor<CreateView> {
    @Override
    public StatementResult execute(CreateView statement, Session session) {
        if (session.engine().catalog().find(statement.name()).isPresent()) {
            if (statement.ifNotExists()) {
                return StatementResult.done("Materialized view '" + statement.name() + "' already exists");
            }
            throw new SluiceException(ErrorCode.OBJECT_ALREADY_EXISTS,
                    "'" + statement.name() + "' already exists (use IF NOT EXISTS to ignore)");
        }
        String definition = ViewExpansion.definition(statement.name(), statement.columns(), statement.query());
        Query query = (Query) new StatementParser().parse(definition);
        QueryPlanner planner = new QueryPlanner(session.engine().sql());
        RelDataType rowType = planner.validate(query.query());
        MaterializedView view = new MaterializedView(statement.name());
        CatalogTable target = table(statement.name(), rowType, List.of(), view);
        String text = "CREATE MATERIALIZED VIEW " + statement.name() + " AS " + statement.query().text();
        InsertPlanner.Plan planned = new InsertPlanner(session.engine().sql()).plan(target, view.sink(),
                new Insert(statement.name(), List.of(), query, statement.position()), text);
        planned.check();
        int[] key = planned.query().changelog().upsertKey().toArray();
        // The rows are kept by the key, a new value replacing the old: the query need not send the old.
        InsertPlanner.Plan plan = key.length == 0 ? planned : new InsertPlanner.Plan(planned.statement(),
                planned.target(), planned.sink(), planned.query().inUpsertMode(planned.query().changelog().upsertKey()));
        view.keepRows(ArrowTypeMapping.toSchema(rowType), key);
        List<String> keyNames = java.util.Arrays.stream(key).mapToObj(rowType.getFieldNames()::get).toList();
        session.engine().catalog().add(table(statement.name(), rowType, keyNames, view), false);
        JobOptions options = session.settings().jobOptions();
        BackgroundJob job;
        try {
            job = session.startJob(text, id -> plan.jobSpec(id, options), session.settings().jobRecovery(),
                    statement.name());
        } catch (RuntimeException e) {
            session.engine().catalog().drop(statement.name(), TableKind.MATERIALIZED_VIEW, true);
            throw e;
        }
        view.runningAs(job);
        StatementResult started = JobResults.started(job, session);
        return StatementResult.done("Materialized view '" + statement.name() + "' created; its query runs as job "
                + started.message());
    }

    private static CatalogTable table(String name, RelDataType rowType, List<String> key, MaterializedView view) {
        return new CatalogTable(name, TableKind.MATERIALIZED_VIEW, rowType, Optional.empty(), key, Map.of(),
                view.source(), Optional.empty());
    }
}
