package io.sluice.runtime.checkpoint;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;

/**
 * A part of a running task whose state a checkpoint holds: a stateful operator's keyed state, a
 * source reader's position, a sink output's prepared commits. Operators, readers and outputs that
 * remember nothing across batches do not implement it.
 *
 * <p>Both methods are called by the task's own thread, between batches: {@link #snapshotState}
 * when a checkpoint barrier passes the task (everything before the barrier has been processed,
 * nothing after it), {@link #restoreState} once, before the first batch, when a job resumes from
 * a checkpoint. The snapshot is taken synchronously into memory; the checkpoint writes it to
 * storage on another thread, so what is written must not share mutable structures with the live
 * state.
 */
public interface Checkpointed {
    /**
     * Writes this part's whole state as of the barrier of checkpoint {@code checkpointId}. Ids
     * grow from one checkpoint to the next; a part that acts when a checkpoint completes
     * ({@link CheckpointListener}) keeps what it snapshotted under the id, to act on exactly that.
     */
    void snapshotState(long checkpointId, StateWriter out) throws IOException;

    /**
     * Reads back what {@link #snapshotState} wrote in an earlier run of the same plan at the same
     * parallel index, into this freshly made part.
     */
    void restoreState(StateReader in) throws IOException;
}
