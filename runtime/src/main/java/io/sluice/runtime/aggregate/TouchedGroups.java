package io.sluice.runtime.aggregate;

import java.util.Arrays;

/**
 * The distinct groups a batch's rows go to, in order of each group's first row: what an
 * aggregation emits after the batch. Each group remembers the last batch that touched it, so
 * listing them is one pass over the rows' group ids. Used by one thread.
 */
final class TouchedGroups {
    private int[] groups = new int[0];
    /** Per group, the number of the last batch that touched it. */
    private int[] touchedInBatch = new int[0];
    private int batchNumber;

    /**
     * Lists the distinct groups among {@code groupIds[0..count)} (ids below {@code groupCount});
     * returns how many, the groups being {@link #group}(0) on.
     */
    int list(int[] groupIds, int count, int groupCount) {
        if (groups.length < count) {
            groups = new int[count];
        }
        if (touchedInBatch.length < groupCount) {
            touchedInBatch = Arrays.copyOf(touchedInBatch, Math.max(groupCount, 2 * touchedInBatch.length));
        }
        batchNumber++;
        int touched = 0;
        for (int j = 0; j < count; j++) {
            int group = groupIds[j];
            if (touchedInBatch[group] != batchNumber) {
                touchedInBatch[group] = batchNumber;
                groups[touched++] = group;
            }
        }
        return touched;
    }

    /** The {@code i}-th group the last {@link #list} found. */
    int group(int i) {
        return groups[i];
    }
}
