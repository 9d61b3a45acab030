package io.sluice.runtime.connector.socket;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.Clock;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.ByteOrderMark;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.format.RecordDecoder;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.task.TaskContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads delimited records from a connected socket into batches. A read waits for data at most
 * about {@link #MAX_WAIT_MILLIS}, so that the task notices a cancel, and returns the rows it has
 * as soon as no more bytes are waiting, so that records arrive with little delay. A UTF-8
 * byte-order mark at the start of the stream is skipped.
 */
final class SocketSourceReader implements SourceReader {
    /** How long one blocking socket read waits. */
    static final int POLL_MILLIS = 50;
    /** How long {@link #read} waits for data in all. */
    static final int MAX_WAIT_MILLIS = 100;
    private static final int INITIAL_BUFFER_BYTES = 64 << 10;
    private static final int EXAMPLE_BYTES = 1024;

    private final Socket socket;
    private final InputStream in;
    private final String address;
    private final byte delimiter;
    private final DecoderFactory decoders;
    private final QueryMetrics metrics;
    private final Clock clock;
    private final int batchSize;
    private final int maxRecordBytes;

    private VectorSchemaRoot target;
    private RecordDecoder decoder;
    private byte[] buffer;
    private int position;
    private int limit;
    /** Bytes before this index, from {@link #position}, hold no delimiter. */
    private int scanned;
    private boolean closedByPeer;
    private boolean skipRestOfRecord;
    private long records;

    SocketSourceReader(Socket socket, String address, byte delimiter, DecoderFactory decoders, TaskContext context,
            int maxRecordBytes) {
        this.socket = requireNonNull(socket, "socket is null");
        this.address = requireNonNull(address, "address is null");
        this.delimiter = delimiter;
        this.decoders = requireNonNull(decoders, "decoders is null");
        this.metrics = context.metrics();
        this.clock = context.clock();
        this.batchSize = context.batchSize();
        this.maxRecordBytes = maxRecordBytes;
        this.buffer = new byte[Math.min(INITIAL_BUFFER_BYTES, maxRecordBytes)];
        try {
            this.in = socket.getInputStream();
        } catch (IOException e) {
            throw ioError(e);
        }
    }

    @Override
    public int read(VectorSchemaRoot batch) {
        if (batch != target) {
            target = batch;
            decoder = decoders.create(batch);
        }
        long deadline = clock.nanos() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
        int row = 0;
        try {
            while (row < batchSize) {
                int end = indexOfDelimiter();
                if (end >= 0) {
                    row = record(position, end, row);
                    position = end + 1;
                    scanned = position;
                    continue;
                }
                if (closedByPeer) {
                    if (position < limit) {
                        row = record(position, limit, row);
                        position = limit;
                    }
                    break;
                }
                if ((row > 0 && in.available() == 0) || clock.nanos() - deadline >= 0) {
                    break;
                }
                if (!fill()) {
                    break;
                }
            }
        } catch (IOException e) {
            throw ioError(e);
        }
        batch.setRowCount(row);
        return row == 0 && closedByPeer && position == limit ? END : row;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw ioError(e);
        }
    }

    /** Decodes the record in {@code buffer[start, end)} into {@code row}; returns the next free row. */
    private int record(int start, int end, int row) {
        records++;
        if (skipRestOfRecord) {
            skipRestOfRecord = false;
            return row;
        }
        if (records == 1) {
            // The stream is one text: a byte-order mark can only be at its start.
            start += ByteOrderMark.at(buffer, start, end - start);
        }
        if (delimiter == '\n' && end > start && buffer[end - 1] == '\r') {
            end--;
        }
        int length = end - start;
        if (!decoder.isRecord(buffer, start, length)) {
            return row;
        }
        String problem = decoder.decode(buffer, start, length, row);
        if (problem == null) {
            return row + 1;
        }
        reportMalformed(records, problem, start, length);
        return row;
    }

    private int indexOfDelimiter() {
        for (int i = scanned; i < limit; i++) {
            if (buffer[i] == delimiter) {
                return i;
            }
        }
        scanned = limit;
        return -1;
    }

    /**
     * Reads more bytes, making room first; false if nothing arrived within one poll. A record that
     * fills the largest buffer allowed is reported as malformed and the rest of it skipped.
     */
    private boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            scanned -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length < maxRecordBytes) {
                byte[] larger = new byte[(int) Math.min((long) buffer.length * 2, maxRecordBytes)];
                System.arraycopy(buffer, 0, larger, 0, limit);
                buffer = larger;
            } else {
                if (!skipRestOfRecord) {
                    reportMalformed(records + 1, "record longer than " + maxRecordBytes + " bytes", 0, limit);
                    skipRestOfRecord = true;
                }
                limit = 0;
                scanned = 0;
            }
        }
        try {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                closedByPeer = true;
            } else {
                limit += read;
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private void reportMalformed(long record, String problem, int start, int length) {
        String text = new String(buffer, start, Math.min(length, EXAMPLE_BYTES), StandardCharsets.UTF_8);
        metrics.reportMalformed("socket " + address + " record " + record, problem, text);
    }

    private SluiceException ioError(IOException e) {
        return new SluiceException(ErrorCode.IO_ERROR, "cannot read from socket " + address + ": " + e.getMessage(), e);
    }
}
