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
    /** One window over all the input, fired when the input ends: a plain GROUP BY over a bounded source. */
    GLOBAL
}
