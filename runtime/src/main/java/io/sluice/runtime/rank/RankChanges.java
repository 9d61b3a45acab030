package io.sluice.runtime.rank;

import java.util.Arrays;

/**
 * What one input row changed in a partition's ranked rows, in rank order: rows that left the
 * output, rows that entered it, and rows that stayed with another rank. Reused row after row.
 */
final class RankChanges {
    int[] leavingSlots = new int[8];
    long[] leavingRanks = new long[8];
    int leaving;
    int[] enteringSlots = new int[8];
    long[] enteringRanks = new long[8];
    int entering;
    int[] movedSlots = new int[8];
    long[] movedFrom = new long[8];
    long[] movedTo = new long[8];
    int moved;

    void clear() {
        leaving = 0;
        entering = 0;
        moved = 0;
    }

    /** Records a row by whether it was output before (with {@code before} rank) and is after. */
    void add(int slot, boolean wasOutput, long before, boolean isOutput, long after) {
        if (wasOutput && isOutput) {
            if (before != after) {
                if (moved == movedSlots.length) {
                    movedSlots = Arrays.copyOf(movedSlots, moved * 2);
                    movedFrom = Arrays.copyOf(movedFrom, moved * 2);
                    movedTo = Arrays.copyOf(movedTo, moved * 2);
                }
                movedSlots[moved] = slot;
                movedFrom[moved] = before;
                movedTo[moved++] = after;
            }
        } else if (wasOutput) {
            if (leaving == leavingSlots.length) {
                leavingSlots = Arrays.copyOf(leavingSlots, leaving * 2);
                leavingRanks = Arrays.copyOf(leavingRanks, leaving * 2);
            }
            leavingSlots[leaving] = slot;
            leavingRanks[leaving++] = before;
        } else if (isOutput) {
            if (entering == enteringSlots.length) {
                enteringSlots = Arrays.copyOf(enteringSlots, entering * 2);
                enteringRanks = Arrays.copyOf(enteringRanks, entering * 2);
            }
            enteringSlots[entering] = slot;
            enteringRanks[entering++] = after;
        }
    }
}
