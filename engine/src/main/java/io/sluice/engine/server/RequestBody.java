package io.sluice.engine.server;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;
import javax.servlet.AsyncContext;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request body as it arrives, without a thread waiting for it (Servlet 3.1 non-blocking
 * input), up to a limit. Once the whole body is in, {@code onBody} serves the request on the
 * thread that read its last bytes; a body over the limit is answered 413 without being read
 * further, and a body that stalls or arrives too slowly (the connector's idle timeout and minimum
 * data rate) is answered 408 if it still can be. Either way the request is completed.
 */
final class RequestBody implements ReadListener {
    private static final Logger LOG = LoggerFactory.getLogger(RequestBody.class);
    private static final int CHUNK = 8192;

    private final AsyncContext async;
    private final ServletInputStream input;
    private final long limit;
    private final Consumer<byte[]> onBody;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[CHUNK];
    private boolean done;

    private RequestBody(AsyncContext async, ServletInputStream input, long limit, Consumer<byte[]> onBody) {
        this.async = requireNonNull(async, "async is null");
        this.input = requireNonNull(input, "input is null");
        this.limit = limit;
        this.onBody = requireNonNull(onBody, "onBody is null");
    }

    /** Starts reading the request's body; {@code onBody} gets it whole. */
    static void read(AsyncContext async, long limit, Consumer<byte[]> onBody) throws IOException {
        ServletInputStream input = async.getRequest().getInputStream();
        input.setReadListener(new RequestBody(async, input, limit, onBody));
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!done && input.isReady()) {
            int n = input.read(chunk);
            if (n < 0) {
                return;
            }
            if (body.size() + (long) n > limit) {
                done = true;
                ServerAnswers.tooLarge(async.getResponse(), limit);
                async.complete();
                return;
            }
            body.write(chunk, 0, n);
        }
    }

    @Override
    public void onAllDataRead() {
        if (done) {
            return;
        }
        done = true;
        try {
            onBody.accept(body.toByteArray());
        } finally {
            async.complete();
        }
    }

    @Override
    public void onError(Throwable failure) {
        if (done) {
            return;
        }
        done = true;
        LOG.debug("reading a request body from {} failed: {}", async.getRequest().getRemoteAddr(), failure.toString());
        ServerAnswers.slowOrBroken(async.getResponse());
        async.complete();
    }
}
