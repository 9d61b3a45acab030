package io.sluice.runtime.window;

/**
 * What one grouping column of a windowed aggregation's output holds: a bound of the row's
 * window, or one of the grouping keys.
 *
 * @param keyIndex for {@link Kind#KEY}: which of the key columns
 */
public record GroupOutput(Kind kind, int keyIndex) {
    public enum Kind {
        WINDOW_START,
        WINDOW_END,
        /** The window's last millisecond: the rowtime of its results. */
        WINDOW_TIME,
        KEY
    }

    public static GroupOutput key(int keyIndex) {
        return new GroupOutput(Kind.KEY, keyIndex);
    }

    public static GroupOutput window(Kind kind) {
        return new GroupOutput(kind, -1);
    }
}
