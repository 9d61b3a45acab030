package io.sluice.runtime.connector.socket;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.task.TaskContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A server's stream of delimited records, read by task 0; the connection is made when the reader
 * is. It cannot replay what it read ({@link #canReplay()} is false): across a crash a job over it
 * delivers at most once.
 */
final class SocketSource implements Source {
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final String tableName;
    private final String hostname;
    private final int port;
    private final byte delimiter;
    private final String format;
    private final DecoderFactory decoders;
    private final int maxRecordBytes;

    SocketSource(String tableName, String hostname, int port, byte delimiter, String format, DecoderFactory decoders,
            int maxRecordBytes) {
        this.tableName = requireNonNull(tableName, "tableName is null");
        this.hostname = requireNonNull(hostname, "hostname is null");
        this.port = port;
        this.delimiter = delimiter;
        this.format = requireNonNull(format, "format is null");
        this.decoders = requireNonNull(decoders, "decoders is null");
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public boolean isBounded() {
        return false;
    }

    @Override
    public int maxParallelism() {
        return 1;
    }

    @Override
    public SourceReader createReader(TaskContext context, ReadMode mode) {
        if (mode == ReadMode.SNAPSHOT) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "table '" + tableName
                    + "' reads from a socket, which has no snapshot to read: use SELECT STREAM");
        }
        if (context.taskIndex() != 0) {
            return new SourceReader() {
                @Override
                public int read(VectorSchemaRoot batch) {
                    batch.setRowCount(0);
                    return END;
                }

                @Override
                public void close() {
                }
            };
        }
        return new SocketSourceReader(connect(), hostname + ":" + port, delimiter, decoders, context,
                maxRecordBytes);
    }

    @Override
    public String describe() {
        return "socket(hostname=" + hostname + ", port=" + port + ", format=" + format + ")";
    }

    private Socket connect() {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(hostname, port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(SocketSourceReader.POLL_MILLIS);
            return socket;
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            String reason = e instanceof UnknownHostException ? "unknown host" : e.getMessage();
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot connect to socket " + hostname + ":" + port
                    + " for table '" + tableName + "': " + reason, e);
        }
    }
}
