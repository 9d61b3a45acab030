package io.sluice.engine.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.OptionalSslConnectionFactory;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;

/**
 * Answers a plain HTTP request on a TLS port with {@code 426 Upgrade Required} and closes the
 * connection. Without it the connection is just closed, and Avatica's client, which retries a
 * request that got no response, would try again forever.
 */
final class TlsOnlyConnectionFactory extends OptionalSslConnectionFactory {
    private static final String TEXT = "this Sluice server speaks TLS: connect with ssl=true\n";
    private static final byte[] ANSWER = ("HTTP/1.1 426 Upgrade Required\r\n"
            + "Upgrade: TLS/1.2, HTTP/1.1\r\n"
            + "Content-Type: text/plain;charset=utf-8\r\n"
            + "Connection: close\r\n"
            + "Content-Length: " + TEXT.length() + "\r\n"
            + "\r\n"
            + TEXT).getBytes(StandardCharsets.US_ASCII);

    TlsOnlyConnectionFactory(SslConnectionFactory ssl) {
        super(ssl, null);
    }

    @Override
    protected void otherProtocol(ByteBuffer buffer, EndPoint endPoint) {
        endPoint.write(Callback.from(endPoint::close, failure -> endPoint.close()), ByteBuffer.wrap(ANSWER));
    }
}
