package io.sluice.engine.jdbc;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Java program in a JVM of its own, as a user or a tool would run it: its output lines are kept
 * for the test to wait on and to show when it fails.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    /** Whether standard output has ended; guarded by {@link #out}. */
    private boolean outEnded;
    private final List<Thread> pumps = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        pumps.add(pump(process.getInputStream(), out, "out", () -> outEnded = true));
        pumps.add(pump(process.getErrorStream(), err, "err", () -> {
        }));
    }

    static ChildJvm start(List<Path> classpath, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(mainClass);
        command.addAll(args);
        try {
            return new ChildJvm(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** The classpath of this test JVM, for a child that needs the engine and the test sources. */
    static List<Path> testClasspath() {
        List<Path> classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(Path.of(entry));
        }
        return classpath;
    }

    /** This test's compiled classes, for a child that runs one of them with the thin driver only. */
    static Path testClasses() {
        try {
            return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first line on standard output that matches, waiting up to {@code timeout} for it. */
    String awaitLine(Duration timeout, Predicate<String> wanted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (out) {
            while (true) {
                for (String line : out) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || outEnded) {
                    throw new AssertionError("no such line within " + timeout.toMillis() + " ms;\n" + transcript());
                }
                try {
                    out.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /** Waits for the program to exit, and for the last of its output, and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout.toMillis() + " ms;\n" + transcript());
        }
        for (Thread pump : pumps) {
            pump.join(timeout.toMillis());
        }
        return process.exitValue();
    }

    /** Stops the program as Ctrl-C or {@code kill} would (SIGTERM), letting its shutdown hooks run. */
    void terminate() {
        // Through the handle: Process.destroy() would also close the pipes, losing what it prints as it stops.
        process.toHandle().destroy();
    }

    /** Kills the program at once, as a crash would: nothing of it runs after this. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    List<String> out() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    List<String> err() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    String transcript() {
        return "stdout:\n" + String.join("\n", out()) + "\nstderr:\n" + String.join("\n", err());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread pump(InputStream stream, List<String> lines, String name, Runnable ended) {
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // The process ended.
            }
            synchronized (lines) {
                ended.run();
                lines.notifyAll();
            }
        }, "child-" + name);
        pump.setDaemon(true);
        pump.start();
        return pump;
    }
}
