package io.sluice.runtime.connector.nexmark;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A batch of events of one kind in columns, with no Arrow and no object per row: one
 * {@code long[]} per BIGINT or TIMESTAMP field and one {@link StringColumn} per VARCHAR field.
 * Rows {@code [0, size())} are valid after an {@link EventGenerator} filled the buffer.
 *
 * <p>Columns can be reached by field index (the field's position in {@link EventKind#fields()}),
 * for consumers that map columns generically, or through each kind's typed accessors. A buffer
 * is used by one thread; filling it again overwrites every column.
 */
public abstract class EventBuffer {
    private final EventKind kind;
    private final int capacity;
    private final long[][] longColumns;
    private final StringColumn[] stringColumns;
    private int size;

    EventBuffer(EventKind kind, int capacity) {
        this.kind = requireNonNull(kind, "kind is null");
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        List<NexmarkField> fields = kind.fields();
        this.longColumns = new long[fields.size()][];
        this.stringColumns = new StringColumn[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).type() == NexmarkField.Type.VARCHAR) {
                stringColumns[i] = new StringColumn(capacity);
            } else {
                longColumns[i] = new long[capacity];
            }
        }
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

    /** The column of a BIGINT or TIMESTAMP field, by its index in {@link EventKind#fields()}. */
    public final long[] longs(int field) {
        long[] column = longColumns[field];
        if (column == null) {
            throw new IllegalArgumentException("field " + kind.fields().get(field) + " is not held in a long[]");
        }
        return column;
    }

    /** The column of a VARCHAR field, by its index in {@link EventKind#fields()}. */
    public final StringColumn strings(int field) {
        StringColumn column = stringColumns[field];
        if (column == null) {
            throw new IllegalArgumentException("field " + kind.fields().get(field) + " is not a VARCHAR");
        }
        return column;
    }

    final long[] longs(String field) {
        return longs(index(field));
    }

    final StringColumn strings(String field) {
        return strings(index(field));
    }

    final void setSize(int newSize) {
        this.size = newSize;
    }

    private int index(String field) {
        int index = kind.fieldIndex(field);
        if (index < 0) {
            throw new IllegalArgumentException(kind.identifier() + " has no field " + field);
        }
        return index;
    }
}
