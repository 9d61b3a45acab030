package io.sluice.runtime.memory;

import java.math.BigDecimal;
import java.util.List;

/**
 * Estimates of the heap that values held as state take, for the query's memory accounting. They
 * err on the large side (a string at two bytes a character, whatever its coding), so that the
 * memory limit is reached before the heap is.
 */
public final class HeapSize {
    /** An object's header and the reference to it. */
    private static final long OBJECT = 24;
    /** A hash map's entry (node and table slot), as in a HashSet or HashMap. */
    private static final long HASH_ENTRY = 48;

    private HeapSize() {
    }

    /** A value: a string with its characters, a decimal with its digits, a list with its elements. */
    public static long of(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String s) {
            return chars(s.length());
        }
        if (value instanceof BigDecimal) {
            return 3 * OBJECT;
        }
        if (value instanceof List<?> list) {
            long bytes = OBJECT + 8L * list.size();
            for (Object element : list) {
                bytes += of(element);
            }
            return bytes;
        }
        return OBJECT;
    }

    /** A value held in a hash set or as a hash map's key. */
    public static long ofHashEntry(Object value) {
        return HASH_ENTRY + of(value);
    }

    /** A string of {@code length} characters. */
    public static long chars(long length) {
        return 2 * OBJECT + appended(length);
    }

    /** What {@code length} characters appended to a builder take (with the room it grows ahead). */
    public static long appended(long length) {
        return 2 * length;
    }
}
