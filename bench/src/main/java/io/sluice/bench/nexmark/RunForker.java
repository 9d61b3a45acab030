package io.sluice.bench.nexmark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each measurement in a JVM of its own ({@link QueryRun}), so that its CPU time, JIT
 * compilation and garbage are its own: every engine and query gets the same JVM flags and the
 * runner's class path. A run's standard error goes to a log file; its result line is read from
 * standard output.
 */
final class RunForker {
    private final String java;
    private final String classPath;
    private final List<String> jvmFlags;
    private final Path logs;

    RunForker(List<String> jvmFlags, Path logs) {
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.classPath = System.getProperty("java.class.path");
        this.jvmFlags = List.copyOf(jvmFlags);
        this.logs = requireNonNull(logs, "logs is null");
    }

    RunOutcome run(Engines engine, String query, long events, int parallelism, Warmup warmup, int runs) {
        Path log = logs.resolve(query + "-" + engine.id() + ".log");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(classPath);
        command.add(QueryRun.class.getName());
        command.add(engine.id());
        command.add(query);
        command.add(Long.toString(events));
        command.add(Integer.toString(parallelism));
        command.add(Long.toString(warmup.events()));
        command.add(Long.toString(warmup.seconds()));
        command.add(Integer.toString(runs));
        String output;
        int status;
        try {
            Files.createDirectories(logs);
            Process process = new ProcessBuilder(command)
                    .redirectError(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            status = process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + query + " on " + engine.id(), e);
        }
        return outcome(engine, query, events, parallelism, output, status, log);
    }

    /** The outcome a run's output and exit status tell. */
    static RunOutcome outcome(Engines engine, String query, long events, int parallelism, String output, int status,
                              Path log) {
        List<String> lines = output.lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            String[] words = line.strip().split(" ", 3);
            if (status == 0 && words[0].equals("RESULT") && words.length == 3) {
                return new RunOutcome.Measured(new Measurement(query, engine.id(), parallelism, events,
                        Double.parseDouble(words[1]), Double.parseDouble(words[2])));
            }
            if (status == 0 && words[0].equals("UNSUPPORTED")) {
                return new RunOutcome.Unsupported(query, engine.id(), line.strip().substring("UNSUPPORTED".length()).strip());
            }
        }
        return new RunOutcome.Failed(query, engine.id(), "exit status " + status, log.toString());
    }
}
