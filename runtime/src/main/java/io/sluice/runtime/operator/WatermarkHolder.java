package io.sluice.runtime.operator;

import java.util.Arrays;

/**
 * The watermark of an operator with several inputs: the minimum over the inputs that still count.
 * An input that has ended no longer holds the watermark back; neither does an idle one. When
 * every input is idle, the watermark moves up to the largest of theirs, as Flink's does: no input
 * is reading, so none holds back what the others have promised, whichever went idle first. An
 * input that comes back never moves the watermark back. Used by one thread.
 */
public final class WatermarkHolder {
    private final long[] watermarks;
    private final boolean[] idle;
    private final boolean[] ended;
    private long current = Watermarks.NONE;

    public WatermarkHolder(int inputs) {
        if (inputs <= 0) {
            throw new IllegalArgumentException("inputs must be positive: " + inputs);
        }
        watermarks = new long[inputs];
        Arrays.fill(watermarks, Watermarks.NONE);
        idle = new boolean[inputs];
        ended = new boolean[inputs];
    }

    /** Records an input's watermark; returns the combined watermark if it advanced, else {@link Watermarks#NONE}. */
    public long update(int input, long watermark) {
        watermarks[input] = Math.max(watermarks[input], watermark);
        idle[input] = false;
        return recompute();
    }

    /** Marks an input idle (or active again); returns the combined watermark if it advanced. */
    public long setIdle(int input, boolean isIdle) {
        idle[input] = isIdle;
        return recompute();
    }

    /** Marks an input ended; returns the combined watermark if it advanced. */
    public long end(int input) {
        ended[input] = true;
        watermarks[input] = Watermarks.END;
        return recompute();
    }

    public boolean allEnded() {
        for (boolean e : ended) {
            if (!e) {
                return false;
            }
        }
        return true;
    }

    public long current() {
        return current;
    }

    private long recompute() {
        long min = Long.MAX_VALUE;
        long max = Watermarks.NONE;
        boolean anyActive = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (!idle[i] || ended[i]) {
                anyActive = true;
                min = Math.min(min, watermarks[i]);
            }
            max = Math.max(max, watermarks[i]);
        }
        long combined = anyActive ? min : max;
        if (combined > current) {
            current = combined;
            return combined;
        }
        return Watermarks.NONE;
    }
}
