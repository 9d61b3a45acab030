package io.sluice.runtime.checkpoint;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What one task acknowledges a checkpoint with.
 *
 * @param parts       the state of each of its {@link Checkpointed} parts, in chain order
 * @param committable what its sink output's {@code prepareCommit} returned, if it writes into an
 *                    exactly-once sink
 * @param finished    the task had ended before the checkpoint: it has no state, and a job restored
 *                    from the checkpoint does not run it again
 */
public record TaskSnapshot(List<PartSnapshot> parts, Optional<byte[]> committable, boolean finished) {
    /** A task that ended before the checkpoint reached it. */
    public static final TaskSnapshot FINISHED = new TaskSnapshot(List.of(), Optional.empty(), true);

    public TaskSnapshot {
        parts = List.copyOf(parts);
        requireNonNull(committable, "committable is null");
    }

    public long bytes() {
        long bytes = committable.map(c -> (long) c.length).orElse(0L);
        for (PartSnapshot part : parts) {
            bytes += part.state().length;
        }
        return bytes;
    }
}
