package io.sluice.runtime.checkpoint;

import static java.util.Objects.requireNonNull;

/**
 * The state one {@link Checkpointed} part of a task wrote for a checkpoint.
 *
 * @param id       the part's stable id, derived from the plan (pipeline, place in the chain, name)
 * @param operator what the part is, for messages: an operator's name, a source's table, the sink
 * @param state    what {@link Checkpointed#snapshotState} wrote
 */
public record PartSnapshot(String id, String operator, byte[] state) {
    public PartSnapshot {
        requireNonNull(id, "id is null");
        requireNonNull(operator, "operator is null");
        requireNonNull(state, "state is null");
    }
}
