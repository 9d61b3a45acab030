package io.sluice.runtime.window;

/** The kinds of event-time windows. */
public enum WindowKind {
    /** Fixed size, no overlap. */
    TUMBLE,
    /** Fixed size, starting every slide; a row belongs to size / slide windows. */
    HOP,
    /** Windows of one start growing by a step up to a maximum size. */
    CUMULATE,
    /** Per key, rows closer than a gap form one window. */
    SESSION,
    /**
     * Windows the rows already carry: a column holds each row's window end (the bounds of an
     * earlier windowed aggregation or join); a window fires when the watermark passes its end.
     */
    CARRIED,
    /** One window over all the input, fired when the input ends: a plain GROUP BY over a bounded source. */
    GLOBAL
}
