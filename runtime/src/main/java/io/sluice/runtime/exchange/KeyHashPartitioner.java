package io.sluice.runtime.exchange;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Sends rows with equal keys to the same consumer: the key columns' values are hashed (Arrow's
 * hash of each value's bytes) and the hash picks the consumer. Every producer computes the same
 * choice for the same key.
 */
public final class KeyHashPartitioner implements Partitioner {
    private final int[] keyColumns;

    public KeyHashPartitioner(int[] keyColumns) {
        if (keyColumns.length == 0) {
            throw new IllegalArgumentException("a hash exchange needs key columns");
        }
        this.keyColumns = keyColumns.clone();
    }

    @Override
    public void partition(VectorSchemaRoot batch, int consumers, int[] targets) {
        int rows = batch.getRowCount();
        FieldVector[] keys = new FieldVector[keyColumns.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = batch.getVector(keyColumns[i]);
        }
        for (int row = 0; row < rows; row++) {
            int hash = 0;
            for (FieldVector key : keys) {
                hash = hash * 31 + key.hashCode(row);
            }
            hash ^= hash >>> 16;
            targets[row] = Math.floorMod(hash * 0x9E3779B1, consumers);
        }
    }
}
