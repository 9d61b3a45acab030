package io.sluice.bench.nexmark;

import io.sluice.runtime.connector.nexmark.EventBuffer;
import io.sluice.runtime.connector.nexmark.EventGenerator;
import io.sluice.runtime.connector.nexmark.EventKind;
import io.sluice.runtime.connector.nexmark.EventNumbers;
import io.sluice.runtime.connector.nexmark.NexmarkConfig;
import io.sluice.runtime.connector.nexmark.NexmarkGenerator;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The generator alone on one thread: every event of the sequence (persons, auctions and bids),
 * a chunk at a time, into buffers that nothing reads but a checksum. No engine can read the
 * events faster than this.
 */
final class GeneratorCeiling {
    private static final int CHUNK = 4096;

    private GeneratorCeiling() {
    }

    /** Generates the {@code events} events of the runner's sequence; returns a checksum so that nothing is optimized away. */
    static long generate(long events) {
        long baseTime = LocalDateTime.parse(NexmarkScript.BASE_TIME, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                .toInstant(ZoneOffset.UTC).toEpochMilli();
        NexmarkConfig defaults = NexmarkConfig.defaults(baseTime);
        NexmarkConfig config = new NexmarkConfig(defaults.eventsPerSecond(), defaults.personProportion(),
                defaults.auctionProportion(), defaults.bidProportion(), baseTime, events, defaults.seed());
        NexmarkGenerator generator = new NexmarkGenerator(config);
        long checksum = 0;
        for (EventKind kind : EventKind.values()) {
            checksum += generate(generator.generator(kind), new EventNumbers(config).count(kind));
        }
        return checksum;
    }

    private static <B extends EventBuffer> long generate(EventGenerator<B> generator, long count) {
        B buffer = generator.newBuffer(CHUNK);
        int time = generator.kind().fieldIndex("dateTime");
        long checksum = 0;
        for (long first = 0; first < count; first += CHUNK) {
            int rows = (int) Math.min(CHUNK, count - first);
            generator.generate(first, rows, buffer);
            checksum += buffer.longs(time)[rows - 1];
        }
        return checksum;
    }
}
