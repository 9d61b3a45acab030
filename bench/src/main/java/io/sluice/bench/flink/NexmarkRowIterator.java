package io.sluice.bench.flink;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.connector.nexmark.EventBuffer;
import io.sluice.runtime.connector.nexmark.EventGenerator;
import io.sluice.runtime.connector.nexmark.NexmarkField;
import io.sluice.runtime.connector.nexmark.NexmarkGenerator;
import io.sluice.runtime.connector.nexmark.StringColumn;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.data.binary.BinaryStringData;

/**
 * The rows of a range of one kind's event indexes, {@code [position, end)}: the Nexmark
 * generator fills a buffer with a chunk of events at a time, making only the fields of the
 * table's columns (as Sluice's reader does), and each row is made from the buffer's columns as
 * Flink's own sources make them, one {@link GenericRowData} per event with its strings as UTF-8
 * bytes. The strings are not copied: they point into the generator's text pools, which never
 * change, or (for persons' e-mail addresses and card numbers, which the generator writes into
 * the buffer) into a buffer that is made anew for each chunk, so that a row stays valid for as
 * long as anything holds it.
 */
final class NexmarkRowIterator implements Iterator<RowData> {
    /** Events generated at a time. */
    static final int CHUNK = 1024;

    private final Supplier<EventBuffer> nextChunk;
    private final int[] fields;
    private final NexmarkField.Type[] types;
    private final long[][] longs;
    private final StringColumn[] strings;
    private final long end;
    private long position;
    private EventBuffer buffer;
    private int row;

    NexmarkRowIterator(NexmarkTableSpec spec, long position, long end) {
        if (position < 0 || end < position) {
            throw new IllegalArgumentException("bad range [" + position + ", " + end + ")");
        }
        this.fields = spec.fields();
        this.types = new NexmarkField.Type[fields.length];
        for (int column = 0; column < fields.length; column++) {
            types[column] = spec.kind().fields().get(fields[column]).type();
        }
        this.longs = new long[fields.length][];
        this.strings = new StringColumn[fields.length];
        this.position = position;
        this.end = end;
        NexmarkGenerator generator = new NexmarkGenerator(spec.config());
        this.nextChunk = chunks(generator.generator(spec.kind()));
    }

    /** The index of the next event this iterator returns. */
    long position() {
        return position;
    }

    long end() {
        return end;
    }

    @Override
    public boolean hasNext() {
        return position < end;
    }

    @Override
    public RowData next() {
        if (position >= end) {
            throw new NoSuchElementException("no events left in [" + position + ", " + end + ")");
        }
        if (buffer == null || row == buffer.size()) {
            fill();
        }
        GenericRowData result = new GenericRowData(fields.length);
        for (int column = 0; column < fields.length; column++) {
            result.setField(column, switch (types[column]) {
                case BIGINT -> longs[column][row];
                case TIMESTAMP -> TimestampData.fromEpochMillis(longs[column][row]);
                case VARCHAR -> {
                    StringColumn values = strings[column];
                    yield BinaryStringData.fromBytes(values.bytes(), values.offset(row), values.length(row));
                }
            });
        }
        row++;
        position++;
        return result;
    }

    private void fill() {
        if (buffer == null) {
            FirstRow.mark();
        }
        buffer = nextChunk.get();
        for (int column = 0; column < fields.length; column++) {
            if (types[column] == NexmarkField.Type.VARCHAR) {
                strings[column] = buffer.strings(fields[column]);
            } else {
                longs[column] = buffer.longs(fields[column]);
            }
        }
        row = 0;
    }

    /**
     * Fills a buffer with the next chunk of events from {@link #position}: the same buffer each
     * time, or a new one when the buffer writes strings that earlier rows point into.
     */
    private <B extends EventBuffer> Supplier<EventBuffer> chunks(EventGenerator<B> generator) {
        requireNonNull(generator, "generator is null");
        B first = generator.newBuffer(CHUNK, fields);
        B reused = first.rewritesStrings() ? null : first;
        return () -> {
            B target = reused != null ? reused : generator.newBuffer(CHUNK, fields);
            generator.generate(position, (int) Math.min(CHUNK, end - position), target);
            return target;
        };
    }
}
