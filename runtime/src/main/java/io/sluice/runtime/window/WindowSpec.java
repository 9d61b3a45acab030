package io.sluice.runtime.window;

import static java.util.Objects.requireNonNull;

/**
 * The windows of a windowed aggregation, in milliseconds.
 *
 * @param size   TUMBLE, HOP and CUMULATE: the window's length (CUMULATE: the largest)
 * @param slide  HOP: how often a window starts; CUMULATE: the step; TUMBLE: the size
 * @param offset where windows start, relative to the epoch
 * @param gap    SESSION: the inactivity that ends a session
 */
public record WindowSpec(WindowKind kind, long size, long slide, long offset, long gap) {
    public WindowSpec {
        requireNonNull(kind, "kind is null");
        switch (kind) {
            case TUMBLE, HOP, CUMULATE -> {
                if (size <= 0 || slide <= 0 || size % slide != 0) {
                    throw new IllegalArgumentException(kind + " needs a positive size that is a multiple of its "
                            + (kind == WindowKind.CUMULATE ? "step" : "slide") + ": size " + size + ", " + slide);
                }
            }
            case SESSION -> {
                if (gap <= 0) {
                    throw new IllegalArgumentException("SESSION needs a positive gap: " + gap);
                }
            }
            case GLOBAL, CARRIED -> {
            }
        }
    }

    public static WindowSpec tumble(long size, long offset) {
        return new WindowSpec(WindowKind.TUMBLE, size, size, offset, 0);
    }

    public static WindowSpec hop(long slide, long size, long offset) {
        return new WindowSpec(WindowKind.HOP, size, slide, offset, 0);
    }

    public static WindowSpec cumulate(long step, long size, long offset) {
        return new WindowSpec(WindowKind.CUMULATE, size, step, offset, 0);
    }

    public static WindowSpec session(long gap) {
        return new WindowSpec(WindowKind.SESSION, 0, 0, 0, gap);
    }

    public static WindowSpec carried() {
        return new WindowSpec(WindowKind.CARRIED, 0, 0, 0, 0);
    }

    public static WindowSpec global() {
        return new WindowSpec(WindowKind.GLOBAL, 0, 0, 0, 0);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case TUMBLE -> "TUMBLE(size=" + size + "ms" + offsetText() + ")";
            case HOP -> "HOP(slide=" + slide + "ms, size=" + size + "ms" + offsetText() + ")";
            case CUMULATE -> "CUMULATE(step=" + slide + "ms, size=" + size + "ms" + offsetText() + ")";
            case SESSION -> "SESSION(gap=" + gap + "ms)";
            case CARRIED -> "CARRIED";
            case GLOBAL -> "GLOBAL";
        };
    }

    private String offsetText() {
        return offset == 0 ? "" : ", offset=" + offset + "ms";
    }
}
