package io.sluice.bench.flink;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.connector.nexmark.EventKind;
import io.sluice.runtime.connector.nexmark.NexmarkConfig;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;

/**
 * What a Flink Nexmark table reads: one kind of the events of a sequence, and which of the
 * kind's fields each column holds. Serializable, since Flink ships sources and splits to its
 * tasks; {@link NexmarkConfig} itself is not.
 *
 * @param fields for each column of the table, the index of the kind's field it holds
 */
public record NexmarkTableSpec(EventKind kind, long eventsPerSecond, int personProportion, int auctionProportion,
                               int bidProportion, long baseTimeMillis, long eventCount, long seed, int[] fields)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public NexmarkTableSpec {
        requireNonNull(kind, "kind is null");
        fields = fields.clone();
        for (int field : fields) {
            if (field < 0 || field >= kind.fields().size()) {
                throw new IllegalArgumentException(kind.identifier() + " has no field " + field);
            }
        }
        // checks the sequence's values
        new NexmarkConfig(eventsPerSecond, personProportion, auctionProportion, bidProportion, baseTimeMillis,
                eventCount, seed);
    }

    public static NexmarkTableSpec of(EventKind kind, NexmarkConfig config, int[] fields) {
        return new NexmarkTableSpec(kind, config.eventsPerSecond(), config.personProportion(),
                config.auctionProportion(), config.bidProportion(), config.baseTimeMillis(), config.eventCount(),
                config.seed(), fields);
    }

    public NexmarkConfig config() {
        return new NexmarkConfig(eventsPerSecond, personProportion, auctionProportion, bidProportion, baseTimeMillis,
                eventCount, seed);
    }

    @Override
    public int[] fields() {
        return fields.clone();
    }

    void write(DataOutput out) throws IOException {
        out.writeUTF(kind.name());
        out.writeLong(eventsPerSecond);
        out.writeInt(personProportion);
        out.writeInt(auctionProportion);
        out.writeInt(bidProportion);
        out.writeLong(baseTimeMillis);
        out.writeLong(eventCount);
        out.writeLong(seed);
        out.writeInt(fields.length);
        for (int field : fields) {
            out.writeInt(field);
        }
    }

    static NexmarkTableSpec read(DataInput in) throws IOException {
        EventKind kind = EventKind.valueOf(in.readUTF());
        long rate = in.readLong();
        int persons = in.readInt();
        int auctions = in.readInt();
        int bids = in.readInt();
        long baseTime = in.readLong();
        long events = in.readLong();
        long seed = in.readLong();
        int[] fields = new int[in.readInt()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = in.readInt();
        }
        return new NexmarkTableSpec(kind, rate, persons, auctions, bids, baseTime, events, seed, fields);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NexmarkTableSpec that && kind == that.kind && eventsPerSecond == that.eventsPerSecond
                && personProportion == that.personProportion && auctionProportion == that.auctionProportion
                && bidProportion == that.bidProportion && baseTimeMillis == that.baseTimeMillis
                && eventCount == that.eventCount && seed == that.seed && Arrays.equals(fields, that.fields);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(kind, eventsPerSecond, personProportion, auctionProportion, bidProportion,
                baseTimeMillis, eventCount, seed) + Arrays.hashCode(fields);
    }

    @Override
    public String toString() {
        return "nexmark(event-type=" + kind.identifier() + ", rate=" + eventsPerSecond + ", events=" + eventCount
                + ", base-time=" + baseTimeMillis + ", seed=" + seed + ")";
    }
}
