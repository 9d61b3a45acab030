package io.sluice.runtime.connector.nexmark;

/**
 * Random draws as pure functions of (seed, event number, draw index), with SplitMix64's mixing
 * function: no state, so any event can be made on its own, in any order, on any thread.
 *
 * <p>A draw is 64 random bits; {@link #low} and {@link #high} split it into two independent
 * 32-bit draws for small choices.
 */
final class EventRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private EventRandom() {
    }

    /** The first draw of an event; later draws of the same event come from {@link #next}. */
    static long first(long seed, long eventNumber) {
        return mix(seed + eventNumber * GOLDEN_GAMMA);
    }

    /** The draw after {@code draw}, for the same event. */
    static long next(long draw) {
        return mix(draw + GOLDEN_GAMMA);
    }

    static int low(long draw) {
        return (int) draw;
    }

    static int high(long draw) {
        return (int) (draw >>> 32);
    }

    /** A uniform int in [0, bound) from 32 random bits, by multiplication rather than division. */
    static int below(int bits, int bound) {
        return (int) (((bits & 0xFFFF_FFFFL) * bound) >>> 32);
    }

    /** A uniform long in [0, bound) from 64 random bits; {@code bound} must be positive. */
    static long below(long bits, long bound) {
        long x = bits >>> 1;
        // the top 63 bits of the 126-bit product x * bound
        return (Math.multiplyHigh(x, bound) << 1) | ((x * bound) >>> 63);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
