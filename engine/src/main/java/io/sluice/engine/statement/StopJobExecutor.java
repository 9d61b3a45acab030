package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.job.BackgroundJob;
import io.sluice.engine.job.Savepoints;
import io.sluice.engine.query.RunningQuery;
import io.sluice.parser.ast.StopJob;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code STOP JOB 'id'}: stops a background job, waiting until its sinks have handed on what they
 * were given and its memory is free; or cancels an interactive query, whose reader then sees the
 * cancel. {@code WITH SAVEPOINT} first takes the job's last checkpoint and keeps it as a savepoint
 * (see {@link Savepoints}), whose path the result shows; if that fails, the job goes on. A server
 * forgets a stopped job (see {@link io.sluice.engine.job.JobStore}). A job or query the session's
 * user may not control (another user's, for a user who is not an admin) is "not found", as if it
 * did not exist, so that ids tell nothing of other users.
 */
final class StopJobExecutor implements StatementExecutor<StopJob> {
    @Override
    public StatementResult execute(StopJob statement, Session session) {
        Optional<BackgroundJob> job = session.engine().jobs().find(statement.id())
                .filter(found -> session.user().mayControl(found.owner()));
        if (job.isPresent()) {
            if (job.get().ended().isDone()) {
                return StatementResult.done("Job " + statement.id() + " has already ended ("
                        + job.get().state().name() + ")");
            }
            try {
                Optional<Path> savepoint = statement.withSavepoint()
                        ? Optional.of(job.get().takeSavepoint(session.settings().savepointDirectory()))
                        : Optional.empty();
                session.engine().jobs().stop(job.get());
                session.engine().jobStore().ifPresent(store -> store.forget(job.get()));
                return StatementResult.done("Job " + statement.id() + " stopped"
                        + savepoint.map(path -> " with savepoint '" + path + "'").orElse(""));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SluiceException(ErrorCode.QUERY_CANCELLED, "interrupted while stopping job " + statement.id());
            }
        }
        if (statement.withSavepoint()) {
            throw new SluiceException(ErrorCode.OBJECT_NOT_FOUND, "no job with id '" + statement.id()
                    + "' (SHOW JOBS lists them; a query takes no savepoint)");
        }
        Optional<RunningQuery> query = session.engine().queries().find(statement.id())
                .filter(found -> session.user().mayControl(found.owner()));
        if (query.isPresent()) {
            query.get().cancel();
            return StatementResult.done("Query " + statement.id() + " cancelled");
        }
        throw new SluiceException(ErrorCode.OBJECT_NOT_FOUND, "no job or query with id '" + statement.id()
                + "' (SHOW QUERIES lists them)");
    }
}
