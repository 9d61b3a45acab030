package io.sluice.bench.nexmark;

import java.util.List;
import java.util.Optional;

/**
 * One engine, embedded in this JVM, running the statements of a Nexmark script. Made for one
 * script and closed after it.
 */
interface EngineDriver extends AutoCloseable {
    /** Runs a statement that ends at once: CREATE TABLE, SET. */
    void execute(String statement);

    /**
     * Runs an {@code INSERT INTO ... SELECT}, returns when its job has ended, and says how long
     * the job took and what CPU time the process used meanwhile.
     */
    Span insert(String statement);

    /** What the last {@link #insert}'s job told of its checkpoints, if this driver reads them. */
    default Optional<CheckpointSummary> checkpoints() {
        return Optional.empty();
    }

    /**
     * Runs a query over bounded tables and returns its final result, each value as the engine
     * gives it: for an updating query, its changelog applied ({@link FinalResult}).
     */
    List<List<Object>> query(String query);

    /** The keyed state the last {@link #insert}'s job held at its end, where the engine reports it. */
    default Optional<KeyedStateSize> keyedState() {
        return Optional.empty();
    }

    @Override
    void close();
}
