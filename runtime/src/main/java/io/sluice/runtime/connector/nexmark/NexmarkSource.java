package io.sluice.runtime.connector.nexmark;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.Clock;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.task.TaskContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table of one kind of Nexmark events. Its generator is made once and shared by every reader
 * of every query on the table.
 */
final class NexmarkSource implements Source {
    /** Paced chunks hold about this long of a kind's events, so parallel live readers take turns quickly. */
    private static final long PACED_CHUNK_MILLIS = 10;

    private final String tableName;
    private final NexmarkGenerator generator;
    private final EventKind kind;
    private final int[] fields;
    private final boolean rateLimited;
    /** The projections made so far, so that queries asking for the same columns get the same source. */
    private final ConcurrentHashMap<List<Integer>, NexmarkSource> projections = new ConcurrentHashMap<>();

    /**
     * @param fields      for each column of the table, the index of the kind's field it holds
     * @param rateLimited whether streaming readers release events no faster than their event times
     */
    NexmarkSource(String tableName, NexmarkGenerator generator, EventKind kind, int[] fields, boolean rateLimited) {
        this.tableName = requireNonNull(tableName, "tableName is null");
        this.generator = requireNonNull(generator, "generator is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.fields = fields.clone();
        this.rateLimited = rateLimited;
    }

    @Override
    public boolean isBounded() {
        return generator.config().isBounded();
    }

    /**
     * Streaming, a rate-limited reader of an unbounded table joins the live sequence: it starts at
     * the first event at or after the wall clock, as if the sequence had been running since its
     * base time. Every other reader starts at event 0, so a query over a bounded table sees every
     * one of its events; paced, those whose time has passed are due at once. A snapshot of a
     * bounded table is all of its events, unpaced.
     */
    @Override
    public SourceReader createReader(TaskContext context, ReadMode mode) {
        requireNonNull(context, "context is null");
        requireNonNull(mode, "mode is null");
        if (mode == ReadMode.SNAPSHOT && !isBounded()) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "nexmark table '" + tableName
                    + "' is unbounded and has no snapshot: read it with SELECT STREAM, or set 'events.num'");
        }
        EventNumbers numbers = generator.numbers();
        boolean paced = rateLimited && mode == ReadMode.STREAM;
        long start = paced && !isBounded() ? numbers.countBefore(kind, firstLiveEvent(context)) : 0;
        long end = numbers.count(kind);
        int batchSize = context.batchSize();
        long chunkSize = paced ? pacedChunkSize(batchSize) : batchSize;
        ChunkCursor cursor = new ChunkCursor(Math.min(start, end), end, chunkSize, context.taskIndex(),
                context.parallelism());
        return reader(generator.generator(kind), numbers, cursor, batchSize, paced ? context.clock() : null);
    }

    /** A reader resumes at the sequence position a checkpoint kept: the events are a function of it. */
    @Override
    public boolean canReplay() {
        return true;
    }

    /**
     * The generator makes only the chosen fields, and only they are copied into batches. The
     * planner counts the watermark's column as used, so it is still made.
     */
    @Override
    public Optional<Source> project(int[] columns) {
        int[] chosen = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            chosen[i] = fields[columns[i]];
        }
        List<Integer> key = Arrays.stream(chosen).boxed().toList();
        return Optional.of(projections.computeIfAbsent(key,
                k -> new NexmarkSource(tableName, generator, kind, chosen, rateLimited)));
    }

    @Override
    public String describe() {
        NexmarkConfig config = generator.config();
        return "nexmark(event-type=" + kind.identifier()
                + ", rate=" + config.eventsPerSecond()
                + ", events=" + (config.isBounded() ? Long.toString(config.eventCount()) : "unbounded")
                + (rateLimited ? ", rate-limited=true" : "") + ")";
    }

    private long firstLiveEvent(TaskContext context) {
        long now = context.clock().millis();
        try {
            return generator.numbers().firstEventAtOrAfter(now);
        } catch (ArithmeticException e) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "nexmark table '" + tableName
                    + "': option 'base-time' is too far before the current time for a rate of "
                    + generator.config().eventsPerSecond() + " events per second", e);
        }
    }

    /** About {@link #PACED_CHUNK_MILLIS} of this kind's events, within [1, batch size]; the same for every task. */
    private long pacedChunkSize(int batchSize) {
        NexmarkConfig config = generator.config();
        int proportion = switch (kind) {
            case PERSON -> config.personProportion();
            case AUCTION -> config.auctionProportion();
            case BID -> config.bidProportion();
        };
        long perChunk = config.eventsPerSecond() * proportion / config.totalProportion() * PACED_CHUNK_MILLIS / 1000;
        return Math.max(1, Math.min(perChunk, batchSize));
    }

    private <B extends EventBuffer> SourceReader reader(EventGenerator<B> kindGenerator, EventNumbers numbers,
            ChunkCursor cursor, int batchSize, Clock pacingClock) {
        return new NexmarkReader<>(kindGenerator, numbers, fields, cursor, batchSize, pacingClock);
    }
}
