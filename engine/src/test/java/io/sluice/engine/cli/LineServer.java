package io.sluice.engine.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

/**
 * A server for the {@code socket} connector that sends some lines to the first client and then
 * keeps the connection open, so that a query over it never ends by itself.
 */
final class LineServer implements AutoCloseable {
    private final ServerSocket server;
    private final CompletableFuture<Socket> client;

    LineServer(String lines) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = CompletableFuture.supplyAsync(() -> {
            try {
                Socket socket = server.accept();
                socket.getOutputStream().write(lines.getBytes(UTF_8));
                socket.getOutputStream().flush();
                return socket;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A stream of one VARCHAR column {@code w} over this server. */
    String createStream(String name) {
        return "CREATE STREAM " + name + " (w VARCHAR) WITH ('connector' = 'socket', 'hostname' = '"
                + server.getInetAddress().getHostAddress() + "', 'port' = '" + server.getLocalPort()
                + "', 'format' = 'csv')";
    }

    @Override
    public void close() throws IOException {
        client.thenAccept(socket -> {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        server.close();
    }
}
