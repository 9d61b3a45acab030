package io.sluice.runtime.checkpoint;

import io.sluice.runtime.operator.Output;

/**
 * An output that only wraps another (counting its rows, say) and holds nothing of its own: a
 * checkpoint looks through it to the output it wraps, which may be a
 * {@link io.sluice.runtime.connector.TwoPhaseCommitOutput}, {@link Checkpointed} or a
 * {@link CheckpointListener}.
 */
public interface WrappingOutput extends Output {
    Output wrapped();
}
