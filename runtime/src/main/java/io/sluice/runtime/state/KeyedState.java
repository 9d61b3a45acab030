package io.sluice.runtime.state;

import java.io.IOException;

/**
 * What an operator remembers per key for as long as the query runs: the groups of an aggregation,
 * the rows of each side of a join, the ranked rows of a Top-N partition. Every such structure
 * implements this one interface, so that the engine can account for it, age it out and checkpoint
 * it the same way:
 * <ul>
 *   <li>it is held in columns (primitive arrays, Arrow vectors), not object graphs, and its size
 *       is charged to the query's memory limit through {@link StateMemory};</li>
 *   <li>{@link #expire} drops the keys idle since a time ({@code 'table.exec.state.ttl'});</li>
 *   <li>{@link #snapshot} writes all of it and {@link #restore} reads it back into an empty
 *       instance made by the same operator factory, so a checkpoint can hold it.</li>
 * </ul>
 * Used by the one thread of its task.
 */
public interface KeyedState extends AutoCloseable {
    /** An estimate of the memory held, for the query's accounting. */
    long estimatedBytes();

    /**
     * How many keys the state holds: groups, join keys, Top-N partitions. A key whose rows all went
     * may count until the state is next compacted.
     */
    long keyCount();

    /** Drops every key not read or written at or after {@code cutoffMillis}; returns how many went. */
    int expire(long cutoffMillis);

    /** Writes the whole state; {@link #restore} of an empty instance brings it back. */
    void snapshot(StateWriter out) throws IOException;

    /** Reads a snapshot {@link #snapshot} wrote into this state, which must be empty. */
    void restore(StateReader in) throws IOException;

    /** Frees what the state holds. */
    @Override
    void close();
}
