package io.sluice.runtime.window;

/**
 * Cuts event time into slices and tells which slices make each window, so that a row is added
 * to one slice however many windows hold it (a HOP row belongs to size / slide windows), and a
 * window is the merge of its slices when it fires. TUMBLE windows are single slices; HOP slices
 * are a slide long; CUMULATE slices are a step long; CARRIED slices are the windows the rows
 * already carry; GLOBAL is one slice fired at the end.
 * Slices and windows are identified by their end (exclusive), in milliseconds.
 */
public final class SliceAssigner {
    private final WindowSpec spec;
    private final long period;

    public SliceAssigner(WindowSpec spec) {
        this.spec = spec;
        this.period = spec.kind() == WindowKind.GLOBAL ? 0 : spec.slide();
        if (spec.kind() == WindowKind.SESSION) {
            throw new IllegalArgumentException("session windows are not sliced");
        }
    }

    public boolean isGlobal() {
        return spec.kind() == WindowKind.GLOBAL;
    }

    /** The length of a slice, and the distance between consecutive window ends. */
    public long period() {
        return period;
    }

    /** The end of the slice holding a row with this timestamp. */
    public long sliceEnd(long timestamp) {
        if (isGlobal()) {
            return Long.MAX_VALUE;
        }
        if (spec.kind() == WindowKind.CARRIED) {
            return timestamp;
        }
        return Math.floorDiv(timestamp - spec.offset(), period) * period + spec.offset() + period;
    }

    /** The start of the window ending at {@code windowEnd}. */
    public long windowStart(long windowEnd) {
        return switch (spec.kind()) {
            case TUMBLE, HOP -> windowEnd - spec.size();
            case CUMULATE -> Math.floorDiv(windowEnd - 1 - spec.offset(), spec.size()) * spec.size() + spec.offset();
            // A carried window is one slice; its start is a column of the rows, not needed here.
            case CARRIED -> windowEnd - 1;
            default -> Long.MIN_VALUE;
        };
    }

    /** The end of the last window that contains the slice: after it fires the slice can go. */
    public long lastWindowEnd(long sliceEnd) {
        return switch (spec.kind()) {
            case TUMBLE, CARRIED -> sliceEnd;
            case HOP -> sliceEnd + spec.size() - period;
            case CUMULATE -> windowStart(sliceEnd) + spec.size();
            default -> Long.MAX_VALUE;
        };
    }

    /** Whether the slice ending at {@code sliceEnd} is part of the window ending at {@code windowEnd}. */
    public boolean contains(long windowEnd, long sliceEnd) {
        return sliceEnd <= windowEnd && sliceEnd > windowStart(windowEnd);
    }

    /** Whether a window has fired at this watermark: its last millisecond is at or before it. */
    public static boolean isFired(long windowEnd, long watermark) {
        return windowEnd - 1 <= watermark;
    }
}
