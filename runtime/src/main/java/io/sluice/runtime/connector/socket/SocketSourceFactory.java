package io.sluice.runtime.connector.socket;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceFactory;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.format.FormatContext;

/**
 * The {@code socket} connector, Flink's demo source: a client that connects to a server (such
 * as {@code nc -lk 9999}) and reads records separated by a delimiter byte until the server closes
 * the connection. Unbounded and read by a single task; for trying things out, not for production
 * (nothing is replayed after a failure).
 *
 * <p>Options: {@code 'hostname'} and {@code 'port'} (required); {@code 'format'} (required),
 * with that format's options; {@code 'byte-delimiter'}: the byte that ends a record, as a number,
 * default 10 (newline, after which a trailing {@code \r} is dropped too).
 *
 * <p>The host and port must be an endpoint the {@link io.sluice.runtime.security.AccessPolicy}
 * lets connectors reach, checked when the table is created.
 */
public final class SocketSourceFactory implements SourceFactory {
    static final String HOSTNAME = "hostname";
    static final String PORT = "port";
    static final String FORMAT = "format";
    static final String BYTE_DELIMITER = "byte-delimiter";
    private static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;

    private final int maxRecordBytes;

    public SocketSourceFactory() {
        this(DEFAULT_MAX_RECORD_BYTES);
    }

    /** @param maxRecordBytes longer records are malformed */
    SocketSourceFactory(int maxRecordBytes) {
        if (maxRecordBytes <= 0) {
            throw new IllegalArgumentException("maxRecordBytes must be positive: " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public String identifier() {
        return "socket";
    }

    @Override
    public Source create(SourceContext context) {
        ConnectorOptions options = context.options();
        String hostname = options.required(HOSTNAME);
        options.required(PORT);
        int port = options.getInt(PORT, 0);
        if (port < 1 || port > 65535) {
            throw options.invalid(PORT, "'" + port + "' is not a port number (1 to 65535)");
        }
        context.accessPolicy().checkEndpoint(hostname, port);
        int delimiter = options.getInt(BYTE_DELIMITER, '\n');
        if (delimiter < 0 || delimiter > 255) {
            throw options.invalid(BYTE_DELIMITER, "'" + delimiter + "' is not a byte value (0 to 255)");
        }
        String format = options.required(FORMAT);
        DecoderFactory decoders = context.formats().decoders(new FormatContext(context.tableName(), context.schema(),
                options));
        if (!decoders.changelogMode().isInsertOnly()) {
            throw options.invalid(FORMAT, "'" + format + "' is a changelog format, which the socket connector does "
                    + "not read; read changes from 'kafka' or 'file'");
        }
        return new SocketSource(context.tableName(), hostname, port, (byte) delimiter, format, decoders, maxRecordBytes);
    }
}
