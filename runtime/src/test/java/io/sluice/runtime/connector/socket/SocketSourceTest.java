package io.sluice.runtime.connector.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.ConnectorRegistry;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceFactory;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.FormatRegistry;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.testing.Rows;
import io.sluice.runtime.testing.TestTasks;
import io.sluice.runtime.vector.ColumnTypes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SocketSourceTest {
    private static final Schema ID_NAME = new Schema(List.of(
            Field.nullable("id", ColumnTypes.INT),
            Field.nullable("name", ColumnTypes.VARCHAR)));
    private static final FormatRegistry FORMATS = FormatRegistry.load(SocketSourceTest.class.getClassLoader());
    /** Far above the reader's promise of about 100 ms, so that a slow machine does not fail the test. */
    private static final long IDLE_READ_LIMIT_MILLIS = 2_000;

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void noLeak() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void readsLinesUntilTheServerCloses() throws Exception {
        try (Server server = new Server()) {
            server.sendAndClose("1,a\n2,b\r\n\n3,c\n4,d");
            Source source = create(new SocketSourceFactory(), server.options());
            QueryMetrics metrics = new QueryMetrics();
            assertEquals(List.of("1|a", "2|b", "3|c", "4|d"), readToEnd(source, 3, metrics));
            assertEquals(0, metrics.malformedRecords());
        }
    }

    @Test
    void anIdleServerMakesReadReturnNothingSoon() throws Exception {
        try (Server server = new Server()) {
            CountDownLatch idleReadDone = new CountDownLatch(1);
            server.send(connection -> {
                idleReadDone.await();
                connection.write("7,late\n".getBytes(StandardCharsets.UTF_8));
            });
            Source source = create(new SocketSourceFactory(), server.options());
            try (VectorSchemaRoot root = VectorSchemaRoot.create(ID_NAME, allocator);
                    SourceReader reader = source.createReader(
                            TestTasks.context(allocator, new QueryMetrics(), 0, 1, 10), ReadMode.STREAM)) {
                long started = System.nanoTime();
                assertEquals(0, reader.read(root));
                long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertTrue(elapsedMillis < IDLE_READ_LIMIT_MILLIS, "read took " + elapsedMillis + " ms");
                assertEquals(0, root.getRowCount());
                idleReadDone.countDown();
                List<String> rows = new ArrayList<>();
                while (rows.isEmpty()) {
                    int count = reader.read(root);
                    assertTrue(count >= 0, "the server closed before sending");
                    rows.addAll(Rows.of(root));
                }
                assertEquals(List.of("7|late"), rows);
            } finally {
                idleReadDone.countDown();
            }
        }
    }

    @Test
    void malformedRecordsAreReportedWithTheirNumber() throws Exception {
        try (Server server = new Server()) {
            server.sendAndClose("1,a\nx,b\n3,c\n");
            Source source = create(new SocketSourceFactory(), server.options());
            QueryMetrics metrics = new QueryMetrics();
            assertEquals(List.of("1|a", "3|c"), readToEnd(source, 10, metrics));
            assertEquals(1, metrics.malformedRecords());
            assertEquals("socket 127.0.0.1:" + server.port() + " record 2: column 'id': 'x' is not a valid INT: x,b",
                    metrics.firstMalformed().toString());
        }
    }

    @Test
    void aByteOrderMarkAtTheStartOfTheStreamIsSkipped() throws Exception {
        try (Server server = new Server()) {
            server.sendAndClose("\uFEFF1,a\n\uFEFF2,b\n3,c\n");
            Source source = create(new SocketSourceFactory(), server.options());
            QueryMetrics metrics = new QueryMetrics();
            assertEquals(List.of("1|a", "3|c"), readToEnd(source, 10, metrics));
            // Later in the stream the mark is the character U+FEFF: data, here not a valid INT.
            assertEquals(1, metrics.malformedRecords());
            assertEquals("socket 127.0.0.1:" + server.port() + " record 2", metrics.firstMalformed().location());
        }
    }

    @Test
    void aCustomDelimiterSplitsRecords() throws Exception {
        try (Server server = new Server()) {
            server.sendAndClose("{\"id\": 1};{\"id\": 2, \"name\": \"two\"};");
            Map<String, String> options = new HashMap<>(server.options());
            options.put("format", "json");
            options.put("byte-delimiter", "59");
            Source source = create(new SocketSourceFactory(), options);
            assertEquals(List.of("1|NULL", "2|two"), readToEnd(source, 10, new QueryMetrics()));
        }
    }

    @Test
    void aRecordTooLongIsMalformedAndTheNextIsRead() throws Exception {
        try (Server server = new Server()) {
            server.sendAndClose("1,a\n2," + "x".repeat(100_000) + "\n3,c\n");
            Source source = create(new SocketSourceFactory(1000), server.options());
            QueryMetrics metrics = new QueryMetrics();
            assertEquals(List.of("1|a", "3|c"), readToEnd(source, 10, metrics));
            assertEquals(1, metrics.malformedRecords());
            assertEquals("socket 127.0.0.1:" + server.port() + " record 2", metrics.firstMalformed().location());
            assertEquals("record longer than 1000 bytes", metrics.firstMalformed().reason());
        }
    }

    @Test
    void aRefusedConnectionNamesHostAndPort() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Source source = create(new SocketSourceFactory(), Map.of("hostname", "127.0.0.1", "port", String.valueOf(port),
                "format", "csv"));
        SluiceException e = assertThrows(SluiceException.class,
                () -> source.createReader(TestTasks.context(allocator, new QueryMetrics(), 0, 1, 10), ReadMode.STREAM));
        assertEquals(ErrorCode.IO_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("cannot connect to socket 127.0.0.1:" + port + " for table 't': "),
                e.getMessage());
    }

    @Test
    void onlyTheFirstTaskReadsAndOnlyAsAStream() throws Exception {
        Source source = create(new SocketSourceFactory(), Map.of("hostname", "localhost", "port", "9999", "format", "csv"));
        assertEquals(1, source.maxParallelism());
        assertFalse(source.isBounded());
        assertFalse(source.supportsSnapshot());
        // what was read cannot be read again: at most once across a crash
        assertFalse(source.canReplay());
        assertEquals("socket(hostname=localhost, port=9999, format=csv)", source.describe());
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ID_NAME, allocator);
                SourceReader other = source.createReader(
                        TestTasks.context(allocator, new QueryMetrics(), 1, 2, 10), ReadMode.STREAM)) {
            assertEquals(SourceReader.END, other.read(root));
        }
        SluiceException snapshot = assertThrows(SluiceException.class, () -> source.createReader(
                TestTasks.context(allocator, new QueryMetrics(), 0, 1, 10), ReadMode.SNAPSHOT));
        assertEquals(ErrorCode.UNSUPPORTED, snapshot.code());
    }

    @Test
    void optionsAreChecked() {
        assertInvalid("connector 'socket' requires the option 'port'", Map.of("hostname", "h", "format", "csv"));
        assertInvalid("connector 'socket' requires the option 'hostname'", Map.of("port", "1", "format", "csv"));
        assertInvalid("option 'port' of connector 'socket': 'http' is not an integer",
                Map.of("hostname", "h", "port", "http", "format", "csv"));
        assertInvalid("option 'port' of connector 'socket': '70000' is not a port number (1 to 65535)",
                Map.of("hostname", "h", "port", "70000", "format", "csv"));
        assertInvalid("option 'byte-delimiter' of connector 'socket': '256' is not a byte value (0 to 255)",
                Map.of("hostname", "h", "port", "1", "byte-delimiter", "256", "format", "csv"));
        assertInvalid("connector 'socket' requires the option 'format'", Map.of("hostname", "h", "port", "1"));

        ConnectorOptions options = new ConnectorOptions("socket", Map.of("hostname", "h", "port", "1", "format", "csv",
                "byte-delimeter", "10"));
        new SocketSourceFactory().create(new SourceContext("t", ID_NAME, options, FORMATS));
        SluiceException unknown = assertThrows(SluiceException.class, options::checkAllUsed);
        assertTrue(unknown.getMessage().startsWith("unknown option 'byte-delimeter' for connector 'socket'"),
                unknown.getMessage());
    }

    @Test
    void isFoundByName() {
        assertTrue(ConnectorRegistry.load(getClass().getClassLoader()).source("socket") instanceof SocketSourceFactory);
    }

    private void assertInvalid(String message, Map<String, String> options) {
        SluiceException e = assertThrows(SluiceException.class, () -> create(new SocketSourceFactory(), options));
        assertEquals(ErrorCode.INVALID_OPTION, e.code());
        assertEquals(message, e.getMessage());
    }

    private static Source create(SourceFactory factory, Map<String, String> options) {
        return factory.create(new SourceContext("t", ID_NAME, new ConnectorOptions("socket", options), FORMATS));
    }

    private List<String> readToEnd(Source source, int batchSize, QueryMetrics metrics) {
        List<String> rows = new ArrayList<>();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ID_NAME, allocator);
                SourceReader reader = source.createReader(
                        TestTasks.context(allocator, metrics, 0, 1, batchSize), ReadMode.STREAM)) {
            int count;
            while ((count = reader.read(root)) != SourceReader.END) {
                assertTrue(count <= batchSize);
                assertEquals(count, root.getRowCount());
                rows.addAll(Rows.of(root));
            }
        }
        return rows;
    }

    /** A server on a free loopback port that accepts one connection and runs a script on it. */
    private static final class Server implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private Thread thread;

        Server() throws IOException {
        }

        int port() {
            return socket.getLocalPort();
        }

        Map<String, String> options() {
            return Map.of("hostname", "127.0.0.1", "port", String.valueOf(port()), "format", "csv");
        }

        void sendAndClose(String text) {
            send(connection -> connection.write(text.getBytes(StandardCharsets.UTF_8)));
        }

        void send(Script script) {
            thread = new Thread(() -> {
                try (Socket connection = socket.accept(); OutputStream out = connection.getOutputStream()) {
                    script.run(out);
                } catch (Exception e) {
                    failure.set(e);
                }
            }, "test-socket-server");
            thread.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            if (thread != null) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the test server", e);
                }
            }
            assertNull(failure.get());
        }
    }

    private interface Script {
        void run(OutputStream connection) throws Exception;
    }
}
