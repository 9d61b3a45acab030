package io.sluice.engine.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** An output stream a test can wait on until some text has been written to it. */
final class Screen extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
        bytes.write(b);
        notifyAll();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
        notifyAll();
    }

    synchronized String text() {
        return bytes.toString(UTF_8);
    }

    /** Waits until the text appears; fails, showing the screen, if it does not in time. */
    synchronized void await(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!text().contains(text)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("'" + text + "' did not appear within " + timeout + ":\n" + text());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
