package io.sluice.engine.metrics;

import io.sluice.runtime.Clock;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Watermarks;
import java.util.OptionalLong;
import java.util.TimeZone;

/**
 * How far a query's results are behind real time: the local time now less the watermark of its
 * output. Event times are epoch milliseconds of the local date-time (no time zone), so now is
 * read the same way, in the JVM's time zone.
 */
public final class EventTimeLag {
    private EventTimeLag() {
    }

    /** The lag in milliseconds; empty before the first watermark and after the end of input. */
    public static OptionalLong millis(QueryMetrics metrics, Clock clock) {
        long watermark = metrics.watermark();
        if (watermark == Watermarks.NONE || watermark == Watermarks.END) {
            return OptionalLong.empty();
        }
        long now = clock.millis();
        return OptionalLong.of(now + TimeZone.getDefault().getOffset(now) - watermark);
    }
}
