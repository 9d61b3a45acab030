package io.sluice.bench.nexmark;

import io.sluice.engine.Session;
import io.sluice.engine.result.ResultColumn;
import io.sluice.engine.result.ResultCursor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads, from a session of its own, what {@code SHOW JOBS} tells of a job's checkpoints while
 * it runs: each completed checkpoint's duration and size. The list shows only a job's newest
 * checkpoint, so it is read more often than checkpoints complete.
 */
final class CheckpointWatcher {
    private static final long POLL_MILLIS = 20;

    private final Session session;
    private final Set<Object> earlierJobs;
    private final Map<Long, long[]> completed = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean stopping;

    /** Starts watching the first job that is not already listed. */
    CheckpointWatcher(Session session) {
        this.session = session;
        this.earlierJobs = new HashSet<>();
        readJobs(earlierJobs);
        this.thread = new Thread(this::watch, "checkpoint-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops watching, after reading the list once more, and sums up what it saw. */
    CheckpointSummary stop() throws InterruptedException {
        stopping = true;
        thread.join();
        read();
        List<Long> millis = new ArrayList<>();
        List<Long> bytes = new ArrayList<>();
        for (long[] stats : completed.values()) {
            millis.add(stats[0]);
            bytes.add(stats[1]);
        }
        return CheckpointSummary.of(millis, bytes);
    }

    private void watch() {
        try {
            while (!stopping) {
                read();
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Notes the newest checkpoint of the watched job, if it has one. */
    private synchronized void read() throws InterruptedException {
        try (ResultCursor cursor = session.execute("SHOW JOBS").cursor()) {
            Columns columns = new Columns(cursor.columns());
            Object[] row;
            while ((row = cursor.next()) != null) {
                if (!"JOB".equals(row[columns.kind]) || earlierJobs.contains(row[columns.id])
                        || row[columns.checkpoint] == null) {
                    continue;
                }
                completed.putIfAbsent(((Number) row[columns.checkpoint]).longValue(), new long[] {
                        ((Number) row[columns.millis]).longValue(), ((Number) row[columns.bytes]).longValue()});
            }
        }
    }

    private void readJobs(Set<Object> ids) {
        try (ResultCursor cursor = session.execute("SHOW JOBS").cursor()) {
            int id = new Columns(cursor.columns()).id;
            Object[] row;
            while ((row = cursor.next()) != null) {
                ids.add(row[id]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing jobs", e);
        }
    }

    /** Where SHOW JOBS puts the columns read here. */
    private static final class Columns {
        final int id;
        final int kind;
        final int checkpoint;
        final int bytes;
        final int millis;

        Columns(List<ResultColumn> columns) {
            List<String> names = columns.stream().map(ResultColumn::name).toList();
            id = index(names, "id");
            kind = index(names, "kind");
            checkpoint = index(names, "last_checkpoint");
            bytes = index(names, "last_checkpoint_bytes");
            millis = index(names, "last_checkpoint_millis");
        }

        private static int index(List<String> names, String name) {
            int index = names.indexOf(name);
            if (index < 0) {
                throw new IllegalStateException("SHOW JOBS has no column " + name + ": " + names);
            }
            return index;
        }
    }
}
