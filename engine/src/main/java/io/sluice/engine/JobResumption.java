package io.sluice.engine;

import io.sluice.engine.job.BackgroundJob;
import io.sluice.engine.job.JobStore;
import io.sluice.engine.job.Savepoints;
import io.sluice.runtime.checkpoint.CheckpointConfig;
import io.sluice.runtime.error.SluiceException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings back what a server kept in its data directory when it starts again: its catalog, by
 * running the kept CREATE and DROP statements in order (a materialized view runs again from its
 * sources' start), then each kept job, from its newest complete checkpoint. What cannot be
 * brought back is logged and skipped, so that one broken job does not keep the server down.
 */
final class JobResumption {
    private static final Logger LOG = LoggerFactory.getLogger(JobResumption.class);

    private final Engine engine;
    private final JobStore store;

    JobResumption(Engine engine, JobStore store) {
        this.engine = engine;
        this.store = store;
    }

    void recreateCatalog() {
        try (Session session = engine.newSession()) {
            for (String statement : store.catalogStatements()) {
                try {
                    session.execute(statement);
                } catch (SluiceException e) {
                    LOG.error("the kept catalog statement could not run again ({}): {}", e.getMessage(), statement);
                }
            }
        }
    }

    void resumeJobs() {
        for (JobStore.JobRecord record : store.jobs()) {
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
                BackgroundJob job = session.resumeJob(record, checkpoint);
                LOG.info("job {} resumed from {}: {}", job.id(), checkpoint.or(() -> Optional.ofNullable(savepoint)
                        .map(Path::of)).map(Path::toString).orElse("the start"), record.statement());
            } catch (SluiceException | IllegalArgumentException e) {
                LOG.error("job {} could not be resumed: {}", record.id(), e.getMessage());
            }
        }
    }

    /** The newest complete checkpoint in the job's checkpoint directory, as its options name it. */
    private static Optional<Path> newestCheckpoint(Session session, JobStore.JobRecord record) {
        return session.settings().jobRecovery().checkpoints()
                .map(CheckpointConfig::directory)
                .flatMap(directory -> Savepoints.newestIn(directory.resolve(record.checkpointStorage())));
    }
}
