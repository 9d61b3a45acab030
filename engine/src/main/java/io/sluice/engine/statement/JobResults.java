package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.job.BackgroundJob;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;

/** What a statement that started a job returns: the job's id, at once or (dml-sync) when it has ended. */
final class JobResults {
    private JobResults() {
    }

    static StatementResult started(BackgroundJob job, Session session) {
        if (!session.settings().dmlSync()) {
            return StatementResult.done(job.id());
        }
        try {
            job.ended().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel();
            throw new SluiceException(ErrorCode.QUERY_CANCELLED, "interrupted while waiting for job " + job.id()
                    + "; the job was stopped");
        } catch (java.util.concurrent.ExecutionException e) {
            throw SluiceException.internal("job " + job.id() + " ended abnormally", e.getCause());
        }
        SluiceException failure = job.failure();
        if (failure != null) {
            throw failure;
        }
        return StatementResult.done(job.id());
    }
}
