package io.sluice.runtime.connector.nexmark;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.StringJoiner;
import java.util.stream.IntStream;

/**
 * A batch of events of one kind in columns, with no Arrow and no object per row: one
 * {@code long[]} per BIGINT or TIMESTAMP field and one {@link StringColumn} per VARCHAR field.
 * Rows {@code [0, size())} are valid after an {@link EventGenerator} filled the buffer.
 *
 * <p>A buffer holds the fields asked for when it was made ({@link EventGenerator#newBuffer(int,
 * int[])}), and the generator makes only those; asking for any other column is an
 * {@link IllegalArgumentException} that names the field.
 *
 * <p>Columns can be reached by field index (the field's position in {@link EventKind#fields()}),
 * for consumers that map columns generically, or through each kind's typed accessors. A buffer
 * is used by one thread; filling it again overwrites every column it holds.
 */
public abstract class EventBuffer {
    private final EventKind kind;
    private final int capacity;
    private final boolean[] held;
    private final long[][] longColumns;
    private final StringColumn[] stringColumns;
    private int size;

    /**
     * @param fields the indexes of the fields to hold, in any order; repeats are ignored
     * @throws IllegalArgumentException if the capacity is not positive or a field index is not one of the kind's
     */
    EventBuffer(EventKind kind, int capacity, int[] fields) {
        this.kind = requireNonNull(kind, "kind is null");
        requireNonNull(fields, "fields is null");
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        List<NexmarkField> all = kind.fields();
        this.held = new boolean[all.size()];
        for (int field : fields) {
            if (field < 0 || field >= all.size()) {
                throw new IllegalArgumentException(kind.identifier() + " has no field " + field + ": its fields are "
                        + "numbered 0 to " + (all.size() - 1));
            }
            held[field] = true;
        }
        this.longColumns = new long[all.size()][];
        this.stringColumns = new StringColumn[all.size()];
        for (int i = 0; i < all.size(); i++) {
            if (!held[i]) {
                continue;
            }
            if (all.get(i).type() == NexmarkField.Type.VARCHAR) {
                stringColumns[i] = new StringColumn(capacity);
            } else {
                longColumns[i] = new long[capacity];
            }
        }
    }

    /** The indexes of all of a kind's fields, in order: what a buffer of whole events holds. */
    static int[] allFields(EventKind kind) {
        return IntStream.range(0, kind.fields().size()).toArray();
    }

    public final EventKind kind() {
        return kind;
    }

    public final int capacity() {
        return capacity;
    }

    /** How many rows the last fill wrote. */
    public final int size() {
        return size;
    }

    /** Whether this buffer holds the field with this index in {@link EventKind#fields()}. */
    public final boolean holds(int field) {
        return field >= 0 && field < held.length && held[field];
    }

    /**
     * Whether some column this buffer holds points into bytes the buffer owns and the next fill
     * overwrites. When false, every string points into text that never changes, so it stays valid
     * after later fills.
     */
    public boolean rewritesStrings() {
        return false;
    }

    /**
     * The column of a BIGINT or TIMESTAMP field, by its index in {@link EventKind#fields()}.
     *
     * @throws IllegalArgumentException if the buffer does not hold the field or it is a VARCHAR
     */
    public final long[] longs(int field) {
        checkHeld(field);
        long[] column = longColumns[field];
        if (column == null) {
            throw new IllegalArgumentException("field " + kind.fields().get(field) + " is not held in a long[]");
        }
        return column;
    }

    /**
     * The column of a VARCHAR field, by its index in {@link EventKind#fields()}.
     *
     * @throws IllegalArgumentException if the buffer does not hold the field or it is not a VARCHAR
     */
    public final StringColumn strings(int field) {
        checkHeld(field);
        StringColumn column = stringColumns[field];
        if (column == null) {
            throw new IllegalArgumentException("field " + kind.fields().get(field) + " is not a VARCHAR");
        }
        return column;
    }

    /** The column of a BIGINT or TIMESTAMP field, or null if this buffer does not hold it: for generators. */
    final long[] longsIfHeld(int field) {
        return longColumns[field];
    }

    /** The column of a VARCHAR field, or null if this buffer does not hold it: for generators. */
    final StringColumn stringsIfHeld(int field) {
        return stringColumns[field];
    }

    final void setSize(int newSize) {
        this.size = newSize;
    }

    private void checkHeld(int field) {
        if (!holds(field)) {
            if (field < 0 || field >= held.length) {
                throw new IllegalArgumentException(kind.identifier() + " has no field " + field);
            }
            throw new IllegalArgumentException(kind.identifier() + " field " + kind.fields().get(field)
                    + " is not in this buffer, which holds only the fields it was made with: " + heldFields());
        }
    }

    private String heldFields() {
        StringJoiner names = new StringJoiner(", ");
        for (int i = 0; i < held.length; i++) {
            if (held[i]) {
                names.add(kind.fields().get(i).toString());
            }
        }
        return names.length() == 0 ? "none" : names.toString();
    }
}
