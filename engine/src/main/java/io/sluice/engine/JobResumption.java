package io.sluice.engine;

import io.sluice.engine.job.BackgroundJob;
import io.sluice.engine.job.JobStore;
import io.sluice.engine.job.Savepoints;
import io.sluice.parser.StatementParser;
import io.sluice.parser.ast.CreateView;
import io.sluice.runtime.checkpoint.CheckpointConfig;
import io.sluice.runtime.error.SluiceException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings back what a server kept in its data directory when it starts again: its catalog, by
 * running the kept CREATE and DROP statements in order, then each kept job, from its newest
 * complete checkpoint. A materialized view's job is resumed, from its checkpoint, when the
 * statement that created the view (the last one creating a view of that name) runs again, so that
 * the statements after it find the view as it was. What cannot be brought back is logged and
 * skipped, so that one broken job does not keep the server down.
 */
final class JobResumption {
    private static final Logger LOG = LoggerFactory.getLogger(JobResumption.class);

    private final Engine engine;
    private final JobStore store;
    private final List<JobStore.JobRecord> jobs;

    JobResumption(Engine engine, JobStore store) {
        this.engine = engine;
        this.store = store;
        this.jobs = store.jobs();
        // jobs started while the catalog runs again never take the id of a kept one
        jobs.forEach(job -> engine.jobs().reserve(job.id()));
    }

    void recreateCatalog() {
        List<String> statements = store.catalogStatements();
        Map<Integer, JobStore.JobRecord> viewJobs = viewJobsByStatement(statements);
        store.replay(() -> {
            try (Session session = engine.newSession()) {
                for (int i = 0; i < statements.size(); i++) {
                    JobStore.JobRecord viewJob = viewJobs.get(i);
                    if (viewJob != null) {
                        resume(viewJob, statements.get(i));
                        continue;
                    }
                    try {
                        session.execute(statements.get(i));
                    } catch (SluiceException e) {
                        LOG.error("the kept catalog statement could not run again ({}): {}", e.getMessage(),
                                statements.get(i));
                    }
                }
            }
        });
    }

    void resumeJobs() {
        for (JobStore.JobRecord record : jobs) {
            if (record.view() == null) {
                resume(record, record.statement());
            }
        }
    }

    /**
     * Which kept statement each materialized view's kept job resumes with: the last one creating a
     * view of its name (an earlier one made a view since dropped).
     */
    private Map<Integer, JobStore.JobRecord> viewJobsByStatement(List<String> statements) {
        Map<String, Integer> lastCreation = new HashMap<>();
        StatementParser parser = new StatementParser();
        for (int i = 0; i < statements.size(); i++) {
            try {
                if (parser.parse(statements.get(i)) instanceof CreateView view && view.materialized()) {
                    lastCreation.put(view.name(), i);
                }
            } catch (RuntimeException e) {
                // a statement that no longer parses is reported when it runs
            }
        }
        Map<Integer, JobStore.JobRecord> byStatement = new HashMap<>();
        for (JobStore.JobRecord record : jobs) {
            if (record.view() == null) {
                continue;
            }
            Integer creation = lastCreation.get(record.view());
            if (creation == null) {
                LOG.error("job {} keeps the materialized view '{}', which the kept catalog does not create: not resumed",
                        record.id(), record.view());
            } else {
                byStatement.put(creation, record);
            }
        }
        return byStatement;
    }

    /** Runs a kept job's statement again as that job, in a session of its owner with its options. */
    private void resume(JobStore.JobRecord record, String statement) {
        try (Session session = engine.newSession(new SessionUser(record.owner(), false))) {
            record.options().forEach((key, value) -> {
                if (!key.equals(Savepoints.PATH)) {
                    session.set(key, value);
                }
            });
            Optional<Path> checkpoint = newestCheckpoint(session, record);
            String savepoint = record.options().get(Savepoints.PATH);
            if (checkpoint.isEmpty() && savepoint != null) {
                // it took no checkpoint yet: it starts again from the savepoint it started from
                session.set(Savepoints.PATH, savepoint);
            }
            BackgroundJob job = session.resumeJob(record, statement, checkpoint);
            LOG.info("job {} resumed from {}: {}", job.id(), checkpoint.or(() -> Optional.ofNullable(savepoint)
                    .map(Path::of)).map(Path::toString).orElse("the start"), statement);
        } catch (SluiceException | IllegalArgumentException e) {
            LOG.error("job {} could not be resumed: {}", record.id(), e.getMessage());
        }
    }

    /** The newest complete checkpoint in the job's checkpoint directory, as its options name it. */
    private static Optional<Path> newestCheckpoint(Session session, JobStore.JobRecord record) {
        return session.settings().jobRecovery().checkpoints()
                .map(CheckpointConfig::directory)
                .flatMap(directory -> Savepoints.newestIn(directory.resolve(record.checkpointStorage())));
    }
}
