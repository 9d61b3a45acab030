package io.sluice.runtime.connector.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.ConnectorRegistry;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.FormatRegistry;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.task.JobControl;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.ColumnTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NexmarkSourceTest {
    private static final long BASE = 1_767_225_600_000L; // 2026-01-01 00:00:00 UTC
    private static final String BASE_TEXT = "2026-01-01 00:00:00";
    private static final Schema BID_SCHEMA = schema(
            "auction", ColumnTypes.BIGINT, "bidder", ColumnTypes.BIGINT, "price", ColumnTypes.BIGINT,
            "channel", ColumnTypes.VARCHAR, "url", ColumnTypes.VARCHAR, "dateTime", ColumnTypes.TIMESTAMP,
            "extra", ColumnTypes.VARCHAR);
    private static final Schema PERSON_SCHEMA = schema(
            "id", ColumnTypes.BIGINT, "name", ColumnTypes.VARCHAR, "emailAddress", ColumnTypes.VARCHAR,
            "creditCard", ColumnTypes.VARCHAR, "city", ColumnTypes.VARCHAR, "state", ColumnTypes.VARCHAR,
            "dateTime", ColumnTypes.TIMESTAMP, "extra", ColumnTypes.VARCHAR);
    private static final Schema AUCTION_SCHEMA = schema(
            "id", ColumnTypes.BIGINT, "itemName", ColumnTypes.VARCHAR, "description", ColumnTypes.VARCHAR,
            "initialBid", ColumnTypes.BIGINT, "reserve", ColumnTypes.BIGINT, "dateTime", ColumnTypes.TIMESTAMP,
            "expires", ColumnTypes.TIMESTAMP, "seller", ColumnTypes.BIGINT, "category", ColumnTypes.BIGINT,
            "extra", ColumnTypes.VARCHAR);

    private final RootAllocator allocator = new RootAllocator();
    private final ManualClock clock = new ManualClock(BASE);

    @AfterEach
    void checkNothingLeaked() {
        assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory leaked");
        allocator.close();
    }

    @Test
    void foundByItsName() {
        ConnectorRegistry registry = ConnectorRegistry.load(getClass().getClassLoader());
        assertTrue(registry.source("nexmark") instanceof NexmarkSourceFactory);
    }

    @Test
    void readsABoundedSequenceOfEachKind() {
        Map<String, String> options = Map.of("event-type", "person", "events.num", "120",
                "first-event.rate", "1000", "base-time", BASE_TEXT);
        List<List<Object>> persons = readAll(source(PERSON_SCHEMA, options), PERSON_SCHEMA, 1, 0, 1024,
                ReadMode.STREAM);
        // persons are events 0, 50 and 100, a millisecond apart each
        assertEquals(3, persons.size());
        assertEquals(List.of(1000L, 1001L, 1002L), column(persons, 0));
        assertEquals(List.of(BASE, BASE + 50, BASE + 100), column(persons, 6));

        List<List<Object>> auctions = readAll(source(AUCTION_SCHEMA, withKind(options, "auction")), AUCTION_SCHEMA,
                1, 0, 1024, ReadMode.STREAM);
        assertEquals(List.of(1000L, 1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L, 1008L), column(auctions, 0));
        assertEquals(List.of(BASE + 1, BASE + 2, BASE + 3, BASE + 51, BASE + 52, BASE + 53, BASE + 101,
                BASE + 102, BASE + 103), column(auctions, 5));

        List<List<Object>> bids = readAll(source(BID_SCHEMA, withKind(options, "bid")), BID_SCHEMA, 1, 0, 1024,
                ReadMode.STREAM);
        // 46 bids in each of the blocks at 0 and 50, and 16 (events 104 to 119) in the block at 100
        assertEquals(108, bids.size());
        assertEquals(BASE + 4, bids.get(0).get(5));
        assertEquals(BASE + 119, bids.get(107).get(5));
    }

    @Test
    void columnsMatchTheGeneratorsFields() {
        NexmarkGenerator generator = new NexmarkGenerator(new NexmarkConfig(10_000_000, 1, 3, 46, BASE, 50_000, 11));
        Map<EventKind, Schema> schemas = Map.of(EventKind.PERSON, PERSON_SCHEMA, EventKind.AUCTION, AUCTION_SCHEMA,
                EventKind.BID, BID_SCHEMA);
        for (EventKind kind : EventKind.values()) {
            Map<String, String> options = Map.of("event-type", kind.identifier(), "events.num", "50000",
                    "seed", "11");
            List<List<Object>> rows = readAll(source(schemas.get(kind), options), schemas.get(kind), 1, 0, 300,
                    ReadMode.STREAM);
            assertEquals(generator.numbers().count(kind), rows.size(), kind.identifier());
            EventGenerator<? extends EventBuffer> events = generator.generator(kind);
            EventBuffer expected = fill(events, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                for (int field = 0; field < kind.fields().size(); field++) {
                    Object value = kind.fields().get(field).type() == NexmarkField.Type.VARCHAR
                            ? expected.strings(field).getString(i)
                            : (Object) expected.longs(field)[i];
                    assertEquals(value, rows.get(i).get(field), kind.fields().get(field).name() + " of row " + i);
                }
            }
        }
    }

    private static <B extends EventBuffer> B fill(EventGenerator<B> events, int count) {
        B buffer = events.newBuffer(count);
        events.generate(0, count, buffer);
        return buffer;
    }

    @Test
    void parallelReadersShareTheEventsExactly() {
        Map<String, String> options = Map.of("event-type", "bid", "events.num", "20000");
        Source source = source(BID_SCHEMA, options);
        List<String> serial = sorted(readAll(source, BID_SCHEMA, 1, 0, 128, ReadMode.STREAM));
        assertEquals(20_000 / 50 * 46, serial.size());
        for (int parallelism : new int[] {2, 4}) {
            List<String> union = new ArrayList<>();
            for (int task = 0; task < parallelism; task++) {
                List<List<Object>> share = readAll(source, BID_SCHEMA, parallelism, task, 128, ReadMode.STREAM);
                assertTrue(share.size() > 0, "task " + task + " of " + parallelism + " read nothing");
                union.addAll(sorted(share));
            }
            Collections.sort(union);
            assertEquals(serial, union, "parallelism " + parallelism);
        }
    }

    @Test
    void aSubsetOfColumnsInAnyOrder() {
        Schema schema = schema("dateTime", ColumnTypes.TIMESTAMP, "price", ColumnTypes.BIGINT);
        Map<String, String> options = Map.of("event-type", "bid", "events.num", "100", "first-event.rate", "1000",
                "base-time", BASE_TEXT);
        List<List<Object>> subset = readAll(source(schema, options), schema, 1, 0, 1024, ReadMode.STREAM);
        List<List<Object>> all = readAll(source(BID_SCHEMA, options), BID_SCHEMA, 1, 0, 1024, ReadMode.STREAM);
        assertEquals(92, subset.size());
        for (int i = 0; i < subset.size(); i++) {
            assertEquals(List.of(all.get(i).get(5), all.get(i).get(2)), subset.get(i));
        }
    }

    @Test
    void aProjectionReadsOnlyTheChosenColumnsAndIsMadeOncePerChoice() {
        Map<String, String> options = Map.of("event-type", "bid", "events.num", "100", "first-event.rate", "1000",
                "base-time", BASE_TEXT);
        Source whole = source(BID_SCHEMA, options);
        // columns 5 (dateTime) and 2 (price) of the bid table, in that order
        Source projected = whole.project(new int[] {5, 2}).orElseThrow();
        assertSame(projected, whole.project(new int[] {5, 2}).orElseThrow());
        Schema schema = schema("dateTime", ColumnTypes.TIMESTAMP, "price", ColumnTypes.BIGINT);
        List<List<Object>> subset = readAll(projected, schema, 1, 0, 1024, ReadMode.STREAM);
        List<List<Object>> all = readAll(whole, BID_SCHEMA, 1, 0, 1024, ReadMode.STREAM);
        assertEquals(92, subset.size());
        for (int i = 0; i < subset.size(); i++) {
            assertEquals(List.of(all.get(i).get(5), all.get(i).get(2)), subset.get(i));
        }
    }

    @Test
    void projectionsOfPersonsAndAuctionsReadWhatTheWholeTablesRead() {
        Map<String, String> options = Map.of("event-type", "person", "events.num", "20000", "first-event.rate",
                "1000", "base-time", BASE_TEXT);
        // q8's columns: a person's id (0), name (1) and dateTime (6); an auction's dateTime (5) and seller (7)
        List<List<Object>> persons = readAll(source(PERSON_SCHEMA, options).project(new int[] {0, 1, 6}).orElseThrow(),
                schema("id", ColumnTypes.BIGINT, "name", ColumnTypes.VARCHAR, "dateTime", ColumnTypes.TIMESTAMP),
                1, 0, 64, ReadMode.STREAM);
        List<List<Object>> allPersons = readAll(source(PERSON_SCHEMA, options), PERSON_SCHEMA, 1, 0, 64,
                ReadMode.STREAM);
        assertEquals(400, persons.size());
        for (int i = 0; i < persons.size(); i++) {
            List<Object> whole = allPersons.get(i);
            assertEquals(List.of(whole.get(0), whole.get(1), whole.get(6)), persons.get(i), "person " + i);
        }
        Map<String, String> auctionOptions = withKind(options, "auction");
        List<List<Object>> auctions = readAll(
                source(AUCTION_SCHEMA, auctionOptions).project(new int[] {5, 7}).orElseThrow(),
                schema("dateTime", ColumnTypes.TIMESTAMP, "seller", ColumnTypes.BIGINT), 1, 0, 64, ReadMode.STREAM);
        List<List<Object>> allAuctions = readAll(source(AUCTION_SCHEMA, auctionOptions), AUCTION_SCHEMA, 1, 0, 64,
                ReadMode.STREAM);
        assertEquals(1200, auctions.size());
        for (int i = 0; i < auctions.size(); i++) {
            List<Object> whole = allAuctions.get(i);
            assertEquals(List.of(whole.get(5), whole.get(7)), auctions.get(i), "auction " + i);
        }
    }

    @Test
    void aColumnThatIsNotAFieldIsAnError() {
        Schema schema = schema("price", ColumnTypes.BIGINT, "colour", ColumnTypes.VARCHAR);
        SluiceException e = assertThrows(SluiceException.class,
                () -> source(schema, Map.of("event-type", "bid")));
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertEquals("column 'colour' of table 't' is not a field of nexmark event type 'bid'; its fields are: "
                + "auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR, dateTime TIMESTAMP(3), "
                + "extra VARCHAR", e.getMessage());
    }

    @Test
    void namesAreCaseSensitive() {
        Schema schema = schema("datetime", ColumnTypes.TIMESTAMP);
        SluiceException e = assertThrows(SluiceException.class,
                () -> source(schema, Map.of("event-type", "bid")));
        assertTrue(e.getMessage().startsWith("column 'datetime' of table 't' is not a field"), e.getMessage());
    }

    @Test
    void aColumnOfTheWrongTypeIsAnError() {
        Schema schema = schema("price", ColumnTypes.INT);
        SluiceException e = assertThrows(SluiceException.class,
                () -> source(schema, Map.of("event-type", "bid")));
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("column 'price' of table 't' is INT, but field 'price' of nexmark "
                + "event type 'bid' is BIGINT; its fields are: auction BIGINT"), e.getMessage());
    }

    @Test
    void badOptions() {
        assertInvalid(Map.of(), "connector 'nexmark' requires the option 'event-type'");
        assertInvalid(Map.of("event-type", "bids"),
                "option 'event-type' of connector 'nexmark': 'bids' is not one of bid, auction, person");
        assertInvalid(Map.of("event-type", "bid", "first-event.rate", "0"),
                "option 'first-event.rate' of connector 'nexmark': 0 is not between 1 and 1000000000");
        assertInvalid(Map.of("event-type", "bid", "first-event.rate", "1000", "next-event.rate", "2000"),
                "option 'next-event.rate' of connector 'nexmark': a rate that changes over time is not supported; "
                        + "set it equal to 'first-event.rate' (1000) or leave it out");
        assertInvalid(Map.of("event-type", "bid", "events.num", "-1"),
                "option 'events.num' of connector 'nexmark': -1 is negative");
        assertInvalid(Map.of("event-type", "bid", "auction.proportion", "0"),
                "option 'auction.proportion' of connector 'nexmark': 0 is not a positive integer");
        assertInvalid(Map.of("event-type", "bid", "base-time", "2026-01-01T00:00"),
                "option 'base-time' of connector 'nexmark': '2026-01-01T00:00' is not a timestamp such as "
                        + "'2026-01-01 00:00:00' or '2026-01-01 00:00:00.000'");
        assertInvalid(Map.of("event-type", "bid", "rate-limited", "yes"),
                "option 'rate-limited' of connector 'nexmark': 'yes' is not true or false");
    }

    @Test
    void equalRatesAndMillisecondBaseTimesAreAccepted() {
        Map<String, String> options = Map.of("event-type", "person", "first-event.rate", "1000",
                "next-event.rate", "1000", "events.num", "1", "base-time", "2026-01-01 00:00:00.250");
        List<List<Object>> rows = readAll(source(PERSON_SCHEMA, options), PERSON_SCHEMA, 1, 0, 16, ReadMode.STREAM);
        assertEquals(BASE + 250, rows.get(0).get(6));
    }

    @Test
    void everyOptionIsRead() {
        ConnectorOptions options = new ConnectorOptions("nexmark", Map.of("event-type", "bid",
                "first-event.rate", "1000", "next-event.rate", "1000", "events.num", "10",
                "person.proportion", "1", "auction.proportion", "3", "bid.proportion", "46",
                "rate-limited", "true", "base-time", BASE_TEXT, "seed", "3"));
        new NexmarkSourceFactory().create(new SourceContext("t", BID_SCHEMA, options, new FormatRegistry(List.of()),
                clock));
        options.checkAllUsed();
    }

    @Test
    void theBaseTimeDefaultsToTheClockWhenTheTableIsMade() {
        clock.set(BASE + 123_456);
        Map<String, String> options = Map.of("event-type", "person", "events.num", "1");
        List<List<Object>> rows = readAll(source(PERSON_SCHEMA, options), PERSON_SCHEMA, 1, 0, 16, ReadMode.STREAM);
        assertEquals(BASE + 123_456, rows.get(0).get(6));
    }

    @Test
    void boundsAndDescription() {
        Source unbounded = source(BID_SCHEMA, Map.of("event-type", "bid"));
        assertFalse(unbounded.isBounded());
        assertFalse(unbounded.supportsSnapshot());
        assertEquals("nexmark(event-type=bid, rate=10000000, events=unbounded)", unbounded.describe());
        SluiceException e = assertThrows(SluiceException.class,
                () -> unbounded.createReader(task(1, 0, 16), ReadMode.SNAPSHOT));
        assertEquals(ErrorCode.UNSUPPORTED, e.code());

        Source bounded = source(BID_SCHEMA, Map.of("event-type", "bid", "events.num", "1000000"));
        assertTrue(bounded.isBounded());
        assertTrue(bounded.supportsSnapshot());
        assertEquals("nexmark(event-type=bid, rate=10000000, events=1000000)", bounded.describe());
        Source live = source(AUCTION_SCHEMA, Map.of("event-type", "auction", "first-event.rate", "1000",
                "rate-limited", "true"));
        assertEquals("nexmark(event-type=auction, rate=1000, events=unbounded, rate-limited=true)", live.describe());
    }

    @Test
    void aSnapshotOfABoundedLiveTableReadsItAllAtOnce() {
        Map<String, String> options = Map.of("event-type", "bid", "events.num", "100", "first-event.rate", "10",
                "rate-limited", "true", "base-time", BASE_TEXT);
        clock.set(BASE + 1000);
        List<List<Object>> rows = readAll(source(BID_SCHEMA, options), BID_SCHEMA, 1, 0, 1024, ReadMode.SNAPSHOT);
        assertEquals(92, rows.size());
        assertEquals(0, clock.sleeps());
    }

    @Test
    void liveReadersReleaseEventsWhenTheClockReachesThem() {
        // one event per millisecond; the reader starts 10 s after the base time, so at event 10000,
        // and its first bid is event 10004
        Map<String, String> options = Map.of("event-type", "bid", "first-event.rate", "1000",
                "rate-limited", "true", "base-time", BASE_TEXT);
        Source source = source(schema("dateTime", ColumnTypes.TIMESTAMP), options);
        clock.set(BASE + 10_000);
        try (SourceReader reader = source.createReader(task(1, 0, 1024), ReadMode.STREAM);
                VectorSchemaRoot batch = VectorSchemaRoot.create(schema("dateTime", ColumnTypes.TIMESTAMP),
                        allocator)) {
            // nothing is due: the reader waits until the first bid's time, then releases it
            assertEquals(1, reader.read(batch));
            assertEquals(BASE + 10_004, clock.millis());
            assertEquals(BASE + 10_004, millis(batch, 0, 0));

            // 46 ms later the rest of the block is due: bids 10005 to 10049
            clock.set(BASE + 10_050);
            assertEquals(45, reader.read(batch));
            assertEquals(BASE + 10_005, millis(batch, 0, 0));
            assertEquals(BASE + 10_049, millis(batch, 0, 44));
            assertEquals(BASE + 10_050, clock.millis());

            // the next bid is event 10054
            assertEquals(1, reader.read(batch));
            assertEquals(BASE + 10_054, millis(batch, 0, 0));
            assertEquals(BASE + 10_054, clock.millis());
        }
    }

    @Test
    void aBoundedLiveTableReleasesEveryEventToAReaderThatStartsLate() {
        // 1,000 events, one per millisecond: 920 bids, the last (event 999) due at 999 ms
        Map<String, String> options = Map.of("event-type", "bid", "events.num", "1000", "first-event.rate", "1000",
                "rate-limited", "true", "base-time", BASE_TEXT);
        Schema schema = schema("dateTime", ColumnTypes.TIMESTAMP);
        Source source = source(schema, options);
        List<Long> times = new ArrayList<>();
        for (int task = 0; task < 2; task++) {
            // each task starts when the first 400 events are past: those come at once, the rest when due
            clock.set(BASE + 400);
            List<List<Object>> rows = readAll(source, schema, 2, task, 1024, ReadMode.STREAM);
            assertTrue(clock.millis() <= BASE + 999, "no reader waits past the last event's time");
            for (List<Object> row : rows) {
                times.add((Long) row.get(0));
            }
        }
        List<Long> expected = new ArrayList<>();
        for (long event = 0; event < 1000; event++) {
            if (event % 50 >= 4) {
                expected.add(BASE + event);
            }
        }
        Collections.sort(times);
        assertEquals(920, expected.size());
        assertEquals(920, times.size(), "bids released");
        assertEquals(expected, times);
    }

    @Test
    void liveReadersWaitAtMostATenthOfASecond() {
        // one event per second: bids are due at 4, 5, ... seconds after the base time
        Map<String, String> options = Map.of("event-type", "bid", "first-event.rate", "1",
                "rate-limited", "true", "base-time", BASE_TEXT);
        Source source = source(BID_SCHEMA, options);
        clock.set(BASE + 4_001);
        try (SourceReader reader = source.createReader(task(1, 0, 1024), ReadMode.STREAM);
                VectorSchemaRoot batch = VectorSchemaRoot.create(BID_SCHEMA, allocator)) {
            for (int wait = 1; wait <= 9; wait++) {
                assertEquals(0, reader.read(batch));
                assertEquals(BASE + 4_001 + wait * 100, clock.millis());
            }
            assertEquals(1, reader.read(batch));
            assertEquals(BASE + 5_000, clock.millis());
            assertEquals(BASE + 5_000, millis(batch, 5, 0));
        }
    }

    @Test
    void liveParallelReadersTakeTurnsInSmallChunks() {
        // ten events per millisecond, 9,200 bids per second: chunks of 92 bids (10 ms)
        Map<String, String> options = Map.of("event-type", "bid", "first-event.rate", "10000",
                "rate-limited", "true", "base-time", BASE_TEXT);
        Schema schema = schema("dateTime", ColumnTypes.TIMESTAMP);
        Source source = source(schema, options);
        List<Long> times = new ArrayList<>();
        int[] released = new int[2];
        for (int task = 0; task < 2; task++) {
            // both start 60 s after the base time, at event 600000, and read what is due by 60.1 s
            clock.set(BASE + 60_000);
            try (SourceReader reader = source.createReader(task(2, task, 1024), ReadMode.STREAM);
                    VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator)) {
                clock.set(BASE + 60_100);
                clock.holdTime(true);
                int rows;
                while ((rows = reader.read(batch)) > 0) {
                    for (int i = 0; i < rows; i++) {
                        times.add(millis(batch, 0, i));
                    }
                    released[task] += rows;
                }
                clock.holdTime(false);
            }
        }
        // events 600000 to 601009 are due by 60.1 s: 20 blocks of 46 bids, then the bids among 601000-601009
        List<Long> expected = new ArrayList<>();
        for (long event = 600_000; event <= 601_009; event++) {
            if (event % 50 >= 4) {
                expected.add(BASE + event * 1000 / 10_000);
            }
        }
        Collections.sort(times);
        assertEquals(926, expected.size());
        assertEquals(expected, times);
        // chunks of 92 from bid 552000 alternate: task 0 has five full chunks and the last 6 bids
        assertEquals(466, released[0]);
        assertEquals(460, released[1]);
    }

    private Source source(Schema schema, Map<String, String> options) {
        return new NexmarkSourceFactory().create(new SourceContext("t", schema,
                new ConnectorOptions("nexmark", options), new FormatRegistry(List.of()), clock));
    }

    private TaskContext task(int parallelism, int index, int batchSize) {
        return new TaskContext("nexmark-" + index, index, parallelism, allocator, new QueryMetrics(), clock,
                new JobControl() {
                    @Override
                    public boolean isStopping() {
                        return false;
                    }

                    @Override
                    public void finishEarly() {
                    }
                }, batchSize);
    }

    private List<List<Object>> readAll(Source source, Schema schema, int parallelism, int index, int batchSize,
            ReadMode mode) {
        List<List<Object>> rows = new ArrayList<>();
        try (SourceReader reader = source.createReader(task(parallelism, index, batchSize), mode);
                VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator)) {
            int count;
            while ((count = reader.read(batch)) != SourceReader.END) {
                assertTrue(count > 0 && count <= batchSize, "batch of " + count);
                assertEquals(count, batch.getRowCount());
                for (int row = 0; row < count; row++) {
                    List<Object> values = new ArrayList<>();
                    for (FieldVector vector : batch.getFieldVectors()) {
                        values.add(value(vector, row));
                    }
                    rows.add(values);
                }
            }
        }
        return rows;
    }

    private static Object value(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector.getField().getType().equals(ColumnTypes.TIMESTAMP)) {
            return ((TimeStampMilliVector) vector).get(row);
        }
        Object value = vector.getObject(row);
        return value instanceof Text ? value.toString() : value;
    }

    private static long millis(VectorSchemaRoot batch, int column, int row) {
        return ((TimeStampMilliVector) batch.getVector(column)).get(row);
    }

    private static List<Object> column(List<List<Object>> rows, int column) {
        List<Object> values = new ArrayList<>();
        for (List<Object> row : rows) {
            values.add(row.get(column));
        }
        return values;
    }

    private static List<String> sorted(List<List<Object>> rows) {
        List<String> lines = new ArrayList<>();
        for (List<Object> row : rows) {
            lines.add(row.toString());
        }
        Collections.sort(lines);
        return lines;
    }

    private static Map<String, String> withKind(Map<String, String> options, String kind) {
        Map<String, String> changed = new HashMap<>(options);
        changed.put("event-type", kind);
        return changed;
    }

    private void assertInvalid(Map<String, String> options, String message) {
        SluiceException e = assertThrows(SluiceException.class, () -> source(BID_SCHEMA, options));
        assertEquals(ErrorCode.INVALID_OPTION, e.code());
        assertEquals(message, e.getMessage());
    }

    private static Schema schema(Object... namesAndTypes) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            fields.add(Field.nullable((String) namesAndTypes[i], (ArrowType) namesAndTypes[i + 1]));
        }
        return new Schema(fields);
    }
}
