package io.sluice.runtime.codegen;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A generated filter and projection (a Calcite {@code Calc}) over Arrow batches. Implementations
 * are made by the planner's code generator, compiled by {@link KernelCompiler}, and have a public
 * constructor taking a {@link KernelContext}. One instance is used by one thread.
 */
public interface CalcKernel {
    /**
     * Writes the indexes of the input rows that pass the condition into {@code selection}, in
     * order, and returns how many there are. Without a condition every row passes.
     *
     * @param selection an array at least as long as the input's row count
     */
    int filter(VectorSchemaRoot input, int[] selection);

    /**
     * Computes the projected columns of the selected rows: output row {@code j} is computed from
     * input row {@code selection[j]}, for {@code j < count}. Makes room in the output vectors,
     * writes values and nulls, and sets the output's row count.
     */
    void project(VectorSchemaRoot input, int[] selection, int count, VectorSchemaRoot output);

    /**
     * Computes, for each of the first {@code count} input rows, the projected columns that are not
     * input columns passed on unchanged; sets the value count of those vectors only. Used when
     * every row passes ({@code selection} holds 0 to {@code count - 1}), so that the input's own
     * vectors can stand for the others.
     */
    void projectComputed(VectorSchemaRoot input, int[] selection, int count, VectorSchemaRoot output);

    /**
     * The watermark the task's rows after this call come behind, which {@code CURRENT_WATERMARK}
     * returns; until the first call there is none ({@link io.sluice.runtime.operator.Watermarks#NONE}).
     */
    void watermark(long watermark);
}
