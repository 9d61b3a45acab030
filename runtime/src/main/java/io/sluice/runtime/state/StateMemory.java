package io.sluice.runtime.state;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.metrics.StateGauge;
import java.util.Locale;
import org.apache.arrow.memory.AllocationReservation;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Charges the query's allocator for state held on the heap (hash tables, accumulators), so that
 * the query's memory limit covers it: the charge follows the state's estimated size, growing
 * ahead of it and shrinking when much of it is freed.
 */
public final class StateMemory implements AutoCloseable {
    private final BufferAllocator allocator;
    private final String owner;
    private final StateGauge.Reporter gauge;
    private AllocationReservation reservation;
    private long reserved;

    public StateMemory(BufferAllocator allocator, String owner) {
        this(allocator, owner, null);
    }

    /** @param gauge the query's gauge of keyed state, which {@link #update(long, KeyedState)} reports to */
    public StateMemory(BufferAllocator allocator, String owner, StateGauge gauge) {
        this.allocator = allocator;
        this.owner = owner;
        this.gauge = gauge == null ? null : gauge.reporter();
    }

    /**
     * Adjusts the charge to {@code chargedBytes} (the state's heap, its Arrow buffers being charged
     * already) as {@link #update(long)} does, and reports the state's whole size and keys to the
     * query's gauge.
     */
    public void update(long chargedBytes, KeyedState state) {
        update(chargedBytes);
        if (gauge != null) {
            gauge.report(state.estimatedBytes(), state.keyCount());
        }
    }

    /** Adjusts the charge to the state's current size; fails with 53200 if the query's limit is reached. */
    public void update(long bytes) {
        if (bytes <= reserved && bytes >= reserved / 4) {
            return;
        }
        if (bytes < reserved) {
            close();
        }
        if (bytes == 0) {
            return;
        }
        if (reservation == null) {
            reservation = allocator.newReservation();
        }
        // add(), not reserve(): only add() records the bytes that close() gives back. Only the
        // growth is added, so that the charge never holds the old and the new size at once.
        long target = bytes + bytes / 4;
        if (!reservation.add(target - reserved)) {
            throw overLimit(bytes);
        }
        reserved = reservation.getSizeLong();
    }

    private SluiceException overLimit(long bytes) {
        // The operator's own allocator is unlimited; the query's limit is set on an ancestor.
        BufferAllocator limited = allocator;
        for (BufferAllocator a = allocator; a != null; a = a.getParentAllocator()) {
            if (a.getLimit() < limited.getLimit()) {
                limited = a;
            }
        }
        return new SluiceException(ErrorCode.MEMORY_LIMIT_EXCEEDED, owner + " needs " + size(bytes)
                + " of state; with the " + size(limited.getAllocatedMemory()) + " the query holds, that is over its "
                + "memory limit of " + size(limited.getLimit()) + " (set 'query.memory.limit' to raise it)");
    }

    /** A size as people write it: {@code 512 bytes}, {@code 1.5 KiB}, {@code 2 MiB}. */
    public static String size(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.1f", value);
        return (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number) + " " + units[unit];
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
