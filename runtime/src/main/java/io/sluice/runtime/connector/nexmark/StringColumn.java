package io.sluice.runtime.connector.nexmark;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/**
 * A column of UTF-8 strings with no object per row: row {@code i} is the bytes
 * {@code bytes()[offset(i), offset(i) + length(i))}. Rows point into one shared array (a pool of
 * precomputed text, or bytes the buffer owns), so they may overlap and repeat; consumers copy
 * the slices they need, e.g. straight into an Arrow vector's data buffer.
 *
 * <p>The array always extends at least {@link #SLACK} bytes past the end of every row, so a
 * consumer may copy rows in whole 16-byte steps, as many for each row as the longest short row
 * needs, reading beyond the shorter ones.
 */
public final class StringColumn {
    public static final int SLACK = VectorCopier.READ_AHEAD;

    private final int[] offsets;
    private final int[] lengths;
    private byte[] bytes = new byte[SLACK];

    StringColumn(int capacity) {
        this.offsets = new int[capacity];
        this.lengths = new int[capacity];
    }

    /** The array every row points into; valid until the buffer is filled again. */
    public byte[] bytes() {
        return bytes;
    }

    public int offset(int row) {
        return offsets[row];
    }

    public int length(int row) {
        return lengths[row];
    }

    /** All rows' offsets, for bulk copies; only the first {@code size} rows of the buffer are set. */
    public int[] offsets() {
        return offsets;
    }

    /** All rows' lengths, for bulk copies; only the first {@code size} rows of the buffer are set. */
    public int[] lengths() {
        return lengths;
    }

    /** Row {@code row} as a String: for tests and slow paths, not for per-row work. */
    public String getString(int row) {
        return new String(bytes, offsets[row], lengths[row], StandardCharsets.UTF_8);
    }

    /** Makes the rows point into {@code newBytes}, which must end at least {@link #SLACK} bytes after any row. */
    void pointTo(byte[] newBytes) {
        this.bytes = requireNonNull(newBytes, "newBytes is null");
    }

    void set(int row, int offset, int length) {
        offsets[row] = offset;
        lengths[row] = length;
    }
}
