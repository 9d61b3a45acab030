package io.sluice.runtime.window;

import io.sluice.runtime.codegen.AccumulatorState;
import io.sluice.runtime.window.group.GroupByHash;

/** The groups of one slice (or one merged window) and their accumulators. */
record SliceState(GroupByHash groups, AccumulatorState accumulators) {
    long estimatedBytes() {
        return groups.estimatedBytes() + accumulators.estimatedBytes();
    }
}
