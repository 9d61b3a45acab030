package io.sluice.engine.statement;

import io.sluice.planner.physical.JobOptions;
import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.job.BackgroundJob;
import io.sluice.engine.job.InsertPlanner;
import io.sluice.engine.job.JobRecovery;
import io.sluice.parser.ast.Insert;

/**
 * {@code INSERT INTO sink SELECT ...}: starts a background job and returns its id at once; with
 * {@code SET 'table.dml-sync' = 'true'}, waits for the job to end first. The job checkpoints and
 * restarts as the session's options say.
 */
final class InsertExecutor implements StatementExecutor<Insert> {
    @Override
    public StatementResult execute(Insert statement, Session session) {
        String text = text(statement);
        InsertPlanner.Plan plan = new InsertPlanner(session.engine().sql()).plan(statement, text);
        JobRecovery recovery = session.settings().jobRecovery();
        plan.checkDelivery(recovery.checkpoints().isPresent());
        plan.check();
        JobOptions options = session.settings().jobOptions();
        BackgroundJob job = session.startJob(text, id -> plan.jobSpec(id, options), recovery);
        return JobResults.started(job, session);
    }

    /** The statement as SHOW QUERIES lists it. */
    static String text(Insert insert) {
        return "INSERT INTO " + insert.target()
                + (insert.columns().isEmpty() ? "" : " (" + String.join(", ", insert.columns()) + ")")
                + " " + insert.query().text();
    }
}
