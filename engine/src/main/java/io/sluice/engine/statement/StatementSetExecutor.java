package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.job.BackgroundJob;
import io.sluice.engine.job.InsertPlanner;
import io.sluice.engine.job.JobRecovery;
import io.sluice.engine.job.JobRecovery;
import io.sluice.engine.job.StatementSets;
import io.sluice.parser.ast.Insert;
import io.sluice.parser.ast.StatementSet;
import java.util.ArrayList;
import java.util.List;

/** {@code EXECUTE STATEMENT SET BEGIN insert; ... END}: the INSERTs run as one job that reads shared sources once. */
final class StatementSetExecutor implements StatementExecutor<StatementSet> {
    @Override
    public StatementResult execute(StatementSet statement, Session session) {
        InsertPlanner planner = new InsertPlanner(session.engine().sql());
        List<InsertPlanner.Plan> plans = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        JobRecovery recovery = session.settings().jobRecovery();
        for (Insert insert : statement.inserts()) {
            String text = InsertExecutor.text(insert);
            InsertPlanner.Plan plan = planner.plan(insert, text);
            plan.checkDelivery(recovery.checkpoints().isPresent());
            plan.check();
            plans.add(plan);
            texts.add(text);
        }
        io.sluice.planner.physical.JobOptions options = session.settings().jobOptions();
        BackgroundJob job = session.startJob("EXECUTE STATEMENT SET BEGIN " + String.join("; ", texts) + "; END",
                id -> StatementSets.jobSpec(id, plans, options), recovery);
        return JobResults.started(job, session);
    }
}
