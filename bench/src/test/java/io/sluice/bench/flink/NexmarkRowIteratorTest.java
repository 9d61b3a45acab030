package io.sluice.bench.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.runtime.connector.nexmark.EventKind;
import io.sluice.runtime.connector.nexmark.NexmarkConfig;
import io.sluice.runtime.connector.nexmark.NexmarkGenerator;
import io.sluice.runtime.connector.nexmark.PersonBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.junit.jupiter.api.Test;

class NexmarkRowIteratorTest {
    private static final NexmarkConfig CONFIG = new NexmarkConfig(NexmarkConfig.DEFAULT_RATE, 1, 3, 46,
            1_767_225_600_000L, 100_000, NexmarkConfig.DEFAULT_SEED);

    /** Columns (emailAddress, id, dateTime): fields 2, 0 and 6 of a person. */
    private static final NexmarkTableSpec PERSONS = NexmarkTableSpec.of(EventKind.PERSON, CONFIG, new int[] {2, 0, 6});

    @Test
    void rowsHoldTheGeneratorsEventsInTheTablesColumnOrder() {
        PersonBuffer expected = generated(0, 3);
        NexmarkRowIterator rows = new NexmarkRowIterator(PERSONS, 0, 3);
        for (int i = 0; i < 3; i++) {
            RowData row = rows.next();
            assertEquals(expected.emailAddress().getString(i), row.getString(0).toString());
            assertEquals(expected.id()[i], row.getLong(1));
            assertEquals(TimestampData.fromEpochMillis(expected.dateTime()[i]), row.getTimestamp(2, 3));
        }
        assertFalse(rows.hasNext());
        assertThrows(NoSuchElementException.class, rows::next);
    }

    @Test
    void aRowsStringsStayValidAfterLaterChunksAreGenerated() {
        // e-mail addresses are written into the generator's buffer, so each chunk needs a new one
        int count = 3 * NexmarkRowIterator.CHUNK + 5;
        NexmarkRowIterator rows = new NexmarkRowIterator(PERSONS, 10, 10 + count);
        List<RowData> kept = new ArrayList<>();
        while (rows.hasNext()) {
            kept.add(rows.next());
        }
        PersonBuffer expected = generated(10, count);
        assertEquals(count, kept.size());
        for (int i = 0; i < count; i++) {
            assertEquals(expected.emailAddress().getString(i), kept.get(i).getString(0).toString(), "row " + i);
        }
    }

    @Test
    void rowsOfColumnsWhoseStringsComeFromTextPoolsStayValidToo() {
        // (name, id, dateTime): the buffer holds no e-mail addresses or card numbers and is filled again each chunk
        NexmarkTableSpec names = NexmarkTableSpec.of(EventKind.PERSON, CONFIG, new int[] {1, 0, 6});
        int count = 2 * NexmarkRowIterator.CHUNK + 7;
        NexmarkRowIterator rows = new NexmarkRowIterator(names, 3, 3 + count);
        List<RowData> kept = new ArrayList<>();
        while (rows.hasNext()) {
            kept.add(rows.next());
        }
        PersonBuffer expected = generated(3, count);
        assertEquals(count, kept.size());
        for (int i = 0; i < count; i++) {
            assertEquals(expected.name().getString(i), kept.get(i).getString(0).toString(), "row " + i);
            assertEquals(expected.id()[i], kept.get(i).getLong(1), "row " + i);
            assertEquals(TimestampData.fromEpochMillis(expected.dateTime()[i]), kept.get(i).getTimestamp(2, 3));
        }
    }

    @Test
    void splitsCoverTheKindsEventsOnceAndRoundTripThroughTheirSerializer() throws Exception {
        // 100,000 events in blocks of 50 hold 2,000 persons
        List<NexmarkSplit> splits = new NexmarkFlinkSource(PERSONS).splits(3);
        assertEquals(List.of(0L, 666L, 1333L), splits.stream().map(NexmarkSplit::from).toList());
        assertEquals(List.of(666L, 1333L, 2000L), splits.stream().map(NexmarkSplit::to).toList());
        NexmarkSplitSerializer serializer = new NexmarkSplitSerializer();
        NexmarkSplit copy = serializer.deserialize(serializer.getVersion(), serializer.serialize(splits.get(1)));
        assertEquals(splits.get(1).spec(), copy.spec());
        assertEquals(List.of(1, 666L, 1333L), List.of(copy.id(), copy.from(), copy.to()));
    }

    private static PersonBuffer generated(long first, int count) {
        NexmarkGenerator generator = new NexmarkGenerator(CONFIG);
        PersonBuffer buffer = generator.persons().newBuffer(count);
        generator.persons().generate(first, count, buffer);
        return buffer;
    }
}
