package io.sluice.engine.server;

import java.time.Duration;

/**
 * What one client may take of the server's HTTP layer, so that a few large or slow clients cannot
 * run it out of memory or starve the others. Request bodies are read without holding a thread, so
 * a client that sends slowly holds only its connection, and loses it when it sends too slowly.
 *
 * @param maxRequestBytes         the largest request body; a larger one is answered 413 without
 *                                being read whole
 * @param maxConnections          connections open at once; beyond it the server accepts no more
 *                                until one closes
 * @param idleTimeout             how long a connection may send and receive nothing while the
 *                                server waits on it (for headers, a body, the next request, or the
 *                                client to read); a request being served (a fetch waiting for
 *                                rows) is not cut by it
 * @param minRequestBytesPerSecond the slowest a request body may arrive, once it has started; a
 *                                slower one is answered 408 and its connection closed
 */
public record HttpLimits(long maxRequestBytes, int maxConnections, Duration idleTimeout, long minRequestBytesPerSecond) {
    public static final long DEFAULT_MAX_REQUEST_BYTES = 16L << 20;
    public static final int DEFAULT_MAX_CONNECTIONS = 512;
    /**
     * 16 MiB requests, 512 connections, 1 KiB/s; the idle timeout of Avatica's own server (60 s),
     * so that a client's pooled connection, idle between requests, is not closed under it.
     */
    public static final HttpLimits DEFAULTS = new HttpLimits(DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_CONNECTIONS,
            Duration.ofSeconds(60), 1024);

    public HttpLimits {
        if (maxRequestBytes <= 0 || maxRequestBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the request size limit must be 1 byte to 2 GiB, not " + maxRequestBytes);
        }
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("the connection limit must be positive, not " + maxConnections);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive, not " + idleTimeout);
        }
        if (minRequestBytesPerSecond < 0) {
            throw new IllegalArgumentException("the minimum request data rate must not be negative");
        }
    }

    public HttpLimits withMaxRequestBytes(long bytes) {
        return new HttpLimits(bytes, maxConnections, idleTimeout, minRequestBytesPerSecond);
    }

    public HttpLimits withIdleTimeout(Duration timeout) {
        return new HttpLimits(maxRequestBytes, maxConnections, timeout, minRequestBytesPerSecond);
    }

    public HttpLimits withMaxConnections(int connections) {
        return new HttpLimits(maxRequestBytes, connections, idleTimeout, minRequestBytesPerSecond);
    }
}
