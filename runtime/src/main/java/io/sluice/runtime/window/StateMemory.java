package io.sluice.runtime.window;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import org.apache.arrow.memory.AllocationReservation;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Charges the query's allocator for state held on the heap (hash tables, accumulators), so that
 * the query's memory limit covers it: the charge follows the state's estimated size, growing
 * ahead of it and shrinking when much of it is freed.
 */
final class StateMemory implements AutoCloseable {
    private final BufferAllocator allocator;
    private final String owner;
    private AllocationReservation reservation;
    private long reserved;

    StateMemory(BufferAllocator allocator, String owner) {
        this.allocator = allocator;
        this.owner = owner;
    }

    /** Adjusts the charge to the state's current size; fails with 53200 if the query's limit is reached. */
    void update(long bytes) {
        if (bytes <= reserved && bytes >= reserved / 4) {
            return;
        }
        long target = bytes + bytes / 4;
        AllocationReservation next = allocator.newReservation();
        // add(), not reserve(): only add() records the bytes that close() gives back.
        if (target > 0 && !next.add(target)) {
            next.close();
            throw new SluiceException(ErrorCode.MEMORY_LIMIT_EXCEEDED, owner + " needs " + (target >> 20)
                    + " MiB of state, more than the query's memory limit of " + (allocator.getLimit() >> 20)
                    + " MiB allows (set 'query.memory.limit' to raise it)");
        }
        close();
        reservation = next;
        reserved = target;
    }

    @Override
    public void close() {
        if (reservation != null) {
            reservation.close();
            reservation = null;
            reserved = 0;
        }
    }
}
