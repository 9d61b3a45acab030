package io.sluice.runtime.join;

import io.sluice.runtime.codegen.CalcKernel;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The partners a batch of one input finds among the rows the other input keeps in a
 * {@link JoinState}, found in three steps: the batch's keys are numbered in the state's hash, each
 * row's candidates (the other input's rows of its key, in the order they came) are listed, and
 * those that fail a test or a generated condition over a batch of the candidate pairs are dropped.
 * Row {@code r}'s partners are {@link #partner}{@code (from(r)) .. partner(to(r) - 1)}. One
 * instance serves a join operator's batches one after the other.
 */
final class JoinCandidates {
    /** A row's key id when a key column is NULL: it matches nothing. */
    static final int NO_KEY = -1;

    /** A test of a pair of rows (a row of the batch, a kept row of the other input) cheaper than the condition. */
    @FunctionalInterface
    interface PairTest {
        boolean passes(int inputRow, int otherRow);
    }

    private final JoinState state;
    private final Schema leftSchema;
    private final Schema rightSchema;
    private final int[][] keys;
    private final BufferAllocator allocator;
    private final int chunk;
    private int[] keyIds = new int[0];
    private int[] selection = new int[0];
    private int[] candidateStart = new int[1];
    private int[] candidates = new int[16];

    /** @param chunk how many candidate pairs the condition is evaluated over at once */
    JoinCandidates(JoinState state, Schema leftSchema, Schema rightSchema, int[] leftKeys, int[] rightKeys,
                   BufferAllocator allocator, int chunk) {
        this.state = state;
        this.leftSchema = leftSchema;
        this.rightSchema = rightSchema;
        this.keys = new int[][] {leftKeys, rightKeys};
        this.allocator = allocator;
        this.chunk = chunk;
    }

    /**
     * Finds the partners of the rows of a batch of input {@code input}: those of their key among
     * the other input's kept rows that pass {@code test} (if any) and then {@code condition} (if
     * any). Keys are marked used at {@code nowMillis}.
     */
    void find(int input, VectorSchemaRoot rows, long nowMillis, PairTest test, CalcKernel condition) {
        int count = rows.getRowCount();
        numberKeys(input, rows, count, nowMillis);
        JoinRows other = state.side(1 - input);
        listCandidates(other, count);
        if (test != null) {
            retain(count, (row, k) -> test.passes(row, candidates[k]));
        }
        if (condition != null) {
            filter(condition, input, rows, other.rows(), count);
        }
    }

    /** The key id of a row of the batch, or {@link #NO_KEY}. */
    int keyId(int row) {
        return keyIds[row];
    }

    int from(int row) {
        return candidateStart[row];
    }

    int to(int row) {
        return candidateStart[row + 1];
    }

    /** The kept row of the other input at position {@code k} of the list. */
    int partner(int k) {
        return candidates[k];
    }

    private void numberKeys(int input, VectorSchemaRoot rows, int count, long now) {
        if (keyIds.length < count) {
            keyIds = new int[count];
            selection = new int[count];
        }
        int keyed = KeyColumns.nonNullRows(rows, keys[input], selection);
        int[] ids = new int[keyed];
        state.keyIds(input, rows, selection, keyed, ids, now);
        Arrays.fill(keyIds, 0, count, NO_KEY);
        for (int j = 0; j < keyed; j++) {
            keyIds[selection[j]] = ids[j];
        }
    }

    private void listCandidates(JoinRows other, int count) {
        if (candidateStart.length < count + 1) {
            candidateStart = new int[count + 1];
        }
        int size = 0;
        for (int row = 0; row < count; row++) {
            candidateStart[row] = size;
            if (keyIds[row] == NO_KEY) {
                continue;
            }
            for (int kept = other.head(keyIds[row]); kept != JoinRows.NONE; kept = other.next(kept)) {
                if (size == candidates.length) {
                    candidates = Arrays.copyOf(candidates, size * 2);
                }
                candidates[size++] = kept;
            }
            // Chains run newest first; pairs go out in the order the kept rows came, so that
            // whatever ranks the join's output (a Top-N breaking ties by arrival) sees them as
            // they arrived.
            reverse(candidates, candidateStart[row], size);
        }
        candidateStart[count] = size;
    }

    private static void reverse(int[] values, int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
            int swapped = values[i];
            values[i] = values[j];
            values[j] = swapped;
        }
    }

    /** A test of position {@code k} of the list, a candidate of row {@code row}. */
    @FunctionalInterface
    private interface PositionTest {
        boolean passes(int row, int k);
    }

    private void retain(int count, PositionTest test) {
        int kept = 0;
        for (int row = 0; row < count; row++) {
            int start = candidateStart[row];
            int end = candidateStart[row + 1];
            candidateStart[row] = kept;
            for (int k = start; k < end; k++) {
                if (test.passes(row, k)) {
                    candidates[kept++] = candidates[k];
                }
            }
        }
        candidateStart[count] = kept;
    }

    /** Keeps the candidates whose pair passes the condition, a chunk of pairs at a time. */
    private void filter(CalcKernel condition, int input, VectorSchemaRoot rows, VectorSchemaRoot otherRows,
                        int count) {
        int total = candidateStart[count];
        int[] inputRow = new int[total];
        for (int row = 0; row < count; row++) {
            Arrays.fill(inputRow, candidateStart[row], candidateStart[row + 1], row);
        }
        boolean[] passes = new boolean[total];
        int[] passing = new int[chunk];
        for (int from = 0; from < total; from += chunk) {
            int size = Math.min(chunk, total - from);
            int[] inputs = Arrays.copyOfRange(inputRow, from, from + size);
            int[] others = Arrays.copyOfRange(candidates, from, from + size);
            VectorSchemaRoot left = input == 0 ? rows : otherRows;
            VectorSchemaRoot right = input == 0 ? otherRows : rows;
            try (VectorSchemaRoot pairs = JoinedBatches.of(
                    JoinedBatches.take(left, leftSchema, input == 0 ? inputs : others, size, allocator),
                    JoinedBatches.take(right, rightSchema, input == 0 ? others : inputs, size, allocator),
                    size)) {
                int passed = condition.filter(pairs, passing);
                for (int j = 0; j < passed; j++) {
                    passes[from + passing[j]] = true;
                }
            }
        }
        retain(count, (row, k) -> passes[k]);
    }
}
