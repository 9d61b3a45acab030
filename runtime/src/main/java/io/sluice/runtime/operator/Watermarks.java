package io.sluice.runtime.operator;

/**
 * Watermark values. A watermark is an event time in epoch milliseconds (of the local date-time,
 * with no time zone) that promises no later row will carry an earlier rowtime.
 */
public final class Watermarks {
    /** No watermark yet: nothing is promised. */
    public static final long NONE = Long.MIN_VALUE;

    /** The input has ended: every window may fire. */
    public static final long END = Long.MAX_VALUE;

    private Watermarks() {
    }

    public static String format(long watermark) {
        if (watermark == NONE) {
            return "none";
        }
        if (watermark == END) {
            return "end";
        }
        return java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(watermark, 1000),
                (int) Math.floorMod(watermark, 1000) * 1_000_000, java.time.ZoneOffset.UTC).toString();
    }
}
