package io.sluice.runtime.codegen;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The generated accumulators of an aggregation: all its aggregate functions updated in one loop
 * over a batch, column by column from Arrow buffers, into {@link AccumulatorState}. Made by the
 * planner's code generator, compiled by {@link KernelCompiler}, with a public constructor taking
 * a {@link KernelContext}. One instance is used by one thread.
 */
public interface AggregateKernel {
    /** Empty state with the fields these accumulators need. */
    AccumulatorState newState();

    /**
     * Adds rows to their groups: input row {@code selection[j]} goes to group {@code groupIds[j]},
     * for {@code j < count}. The state has room for every group id given. A kernel made for a
     * changelog input reads each row's kind (the batch's last column) and takes {@code -U} and
     * {@code -D} rows out of their groups instead.
     */
    void accumulate(AccumulatorState state, int[] groupIds, VectorSchemaRoot input, int[] selection, int count);

    /**
     * Folds group {@code sourceGroup} of {@code source} into {@code targetGroup} of {@code target}.
     * Only kernels over appended rows merge (windows merge slices); a changelog kernel's throws.
     */
    void merge(AccumulatorState target, int targetGroup, AccumulatorState source, int sourceGroup);

    /** Writes the aggregate results of a group into row {@code row} of the output's aggregate columns. */
    void emit(AccumulatorState state, int group, VectorSchemaRoot output, int row);
}
