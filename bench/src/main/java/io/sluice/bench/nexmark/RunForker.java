package io.sluice.bench.nexmark;

import static java.util.Objects.requireNonNull;

import io.sluice.bench.counting.RowCount;
import io.sluice.planner.physical.AggPhaseStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs each measurement in a JVM of its own ({@link QueryRun}), so that its CPU time, JIT
 * compilation and garbage are its own: every engine and query gets the same JVM flags and the
 * runner's class path. A run's standard error goes to a log file; its result lines are read from
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

    RunOutcome run(Engines engine, String query, long events, int parallelism, Warmup warmup, int runs,
                   AggPhaseStrategy aggPhaseStrategy, Checkpointing checkpointing) {
        Path log = logs.resolve(query + "-" + engine.id() + (checkpointing.on() ? "-checkpoints" : "") + ".log");
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
        command.add(aggPhaseStrategy.name());
        command.addAll(List.of(checkpointing.arguments()));
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

    /**
     * The outcome a run's output and exit status tell: measured if it exited normally with a
     * result line for each of its two sizes ({@code events} and twice as many).
     */
    static RunOutcome outcome(Engines engine, String query, long events, int parallelism, String output, int status,
                              Path log) {
        Measurement single = null;
        Measurement doubled = null;
        KeyedStateSize state = null;
        for (String line : output.lines().map(String::strip).toList()) {
            String[] words = line.split(" ");
            if (status == 0 && words[0].equals("UNSUPPORTED")) {
                return new RunOutcome.Unsupported(query, engine.id(), line.substring("UNSUPPORTED".length()).strip());
            }
            if (words[0].equals("REJECTED") && words.length > 2) {
                return new RunOutcome.Failed(query, engine.id(), "rejected with SQLState " + words[1] + ": "
                        + line.split(" ", 3)[2], log.toString());
            }
            if (words[0].equals("STATE") && words.length == 4 && Long.parseLong(words[1]) == 2 * events) {
                state = new KeyedStateSize(Long.parseLong(words[2]), Long.parseLong(words[3]));
            }
            if (words[0].equals("RESULT") && words.length == 6) {
                long size = Long.parseLong(words[1]);
                Measurement measurement = new Measurement(query, engine.id(), parallelism, size,
                        Double.parseDouble(words[2]), Double.parseDouble(words[3]),
                        new RowCount(Long.parseLong(words[4]), Long.parseLong(words[5])),
                        CheckpointSummary.parse(output, size));
                if (size == events) {
                    single = measurement;
                } else if (size == 2 * events) {
                    doubled = measurement;
                }
            }
        }
        if (status != 0 || single == null || doubled == null) {
            return new RunOutcome.Failed(query, engine.id(), "exit status " + status
                    + (status == 0 ? ", no result of both sizes" : ""), log.toString());
        }
        return new RunOutcome.Measured(single, doubled, Optional.ofNullable(state));
    }
}
