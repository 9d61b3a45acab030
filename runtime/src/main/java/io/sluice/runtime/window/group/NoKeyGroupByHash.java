package io.sluice.runtime.window.group;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Grouping without a key: every row is in group 0. */
final class NoKeyGroupByHash implements GroupByHash {
    private int groups;

    @Override
    public int groupCount() {
        return groups;
    }

    @Override
    public void groupIds(VectorSchemaRoot batch, int[] selection, int count, int[] groupIds) {
        if (count > 0) {
            groups = 1;
        }
        java.util.Arrays.fill(groupIds, 0, count, 0);
    }

    @Override
    public int groupOf(GroupByHash other, int otherGroup) {
        groups = 1;
        return 0;
    }

    @Override
    public void writeKey(int group, VectorSchemaRoot output, int row, int[] columns) {
    }

    @Override
    public long estimatedBytes() {
        return 0;
    }

    @Override
    public GroupByHash emptyCopy() {
        return new NoKeyGroupByHash();
    }
}
