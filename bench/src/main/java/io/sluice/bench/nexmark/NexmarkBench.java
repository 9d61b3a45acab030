package io.sluice.bench.nexmark;

import io.sluice.planner.physical.AggPhaseStrategy;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code sluice-bench} command: Nexmark queries on Sluice and on Apache Flink, side by side
 * in one run, each engine and query in a JVM of its own with the same flags, each over {@code N}
 * and {@code 2N} events, printed as one table with Sluice's events per second per core over
 * Flink's in whole runs and at the marginal cost; and the generator's own ceiling. Exits with
 * status 1 when a run failed or the two engines' sinks got different rows. With
 * {@code --verify}, checks on a smaller run that both engines give the same rows instead.
 */
@Command(name = "sluice-bench", sortOptions = false, usageHelpAutoWidth = true,
        description = "Runs Nexmark queries on Sluice and Apache Flink and compares their speed per core.")
public final class NexmarkBench implements Callable<Integer> {
    /** Where the runner is installed; the results and logs go under its bench/target. */
    static final String HOME_PROPERTY = "sluice.bench.home";
    static final long DEFAULT_EVENTS = 20_000_000;
    static final long DEFAULT_VERIFY_EVENTS = 1_000_000;

    @Option(names = "--queries", split = ",", paramLabel = "Q,...",
            description = "The queries to run: q0, q1, q2, q3, q4, q5, q7, q8, q9, q17-no-day, q18, q19, over-sum "
                    + "(default: q0,q1,q2,q5,q7,q8).")
    private List<String> queries = List.of("q0", "q1", "q2", "q5", "q7", "q8");

    @Option(names = "--engines", split = ",", paramLabel = "E,...",
            description = "The engines to run them on: sluice, flink (default: both).")
    private List<String> engines = List.of("sluice", "flink");

    @Option(names = "--events", paramLabel = "N",
            description = "Events of the Nexmark sequence, all kinds: each query runs over N and over 2N "
                    + "(default: 20,000,000; with --verify 1,000,000, once).")
    private Long events;

    @Option(names = "--parallelism", paramLabel = "P", description = "Tasks per operator in both engines (default: 1).")
    private int parallelism = 1;

    /**
     * As many as the measured run by default: a vectorized engine calls its loops once per batch,
     * so a shorter warm-up leaves its hot loops to be compiled, at a cost that a running query
     * pays once, inside the measured run.
     */
    @Option(names = "--warmup-events", paramLabel = "N",
            description = "Events of each warm-up run, in the measured runs' JVM "
                    + "(default: as many as --events; 0 for no warm-up).")
    private Long warmupEvents;

    /**
     * Runs of half a second are too few for the JIT compiler: it is still compiling (and
     * recompiling what the first runs' profiles got wrong) in the measured run. Flink's q2 is
     * warm only from its second run (4.4 CPU s, then 1.9).
     */
    @Option(names = "--warmup-seconds", paramLabel = "S",
            description = "Warm-up runs repeat until they have taken this long, at least one (default: 10).")
    private long warmupSeconds = 10;

    @Option(names = "--runs", paramLabel = "N",
            description = "Measured runs of each query, engine and size (N and 2N); the one of median CPU seconds "
                    + "of each size is reported (default: 3).")
    private int runs = 3;

    @Option(names = "--heap", paramLabel = "SIZE", description = "Heap of every forked JVM, -Xms and -Xmx (default: 4g).")
    private String heap = "4g";

    @Option(names = "--agg-phase-strategy", paramLabel = "S",
            description = "Both engines' 'table.optimizer.agg-phase-strategy': AUTO, ONE_PHASE or TWO_PHASE "
                    + "(default: AUTO).")
    private AggPhaseStrategy aggPhaseStrategy = AggPhaseStrategy.AUTO;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION",
            description = "Also run each query with checkpoints this often ('10s', '1 s', '500 ms'; exactly once) "
                    + "and show what they cost instead of the engines' comparison.")
    private String checkpointInterval;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Where the checkpoints go (default: each engine's, under java.io.tmpdir).")
    private Path checkpointDir;

    @Option(names = "--verify", description = "Compare the two engines' rows for each query instead of timing them.")
    private boolean verify;

    @Option(names = "--results", paramLabel = "FILE",
            description = "Where the CSV goes (default: bench/target/results.csv).")
    private Path results;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        int status = new CommandLine(new NexmarkBench()).setOut(out).execute(args);
        out.flush();
        System.exit(status);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Engines> chosen = engines();
        for (String query : queries) {
            if (!NexmarkScript.exists(query)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no query '" + query
                        + "': the queries are q0, q1, q2, q3, q4, q5, q7, q8, q9, q17-no-day, q18, q19 and over-sum");
            }
        }
        if (parallelism < 1 || runs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--parallelism and --runs must be at least 1");
        }
        if (events != null && events < 1 || warmupEvents != null && warmupEvents < 0 || warmupSeconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--events must be at least 1, --warmup-events and --warmup-seconds at least 0");
        }
        Path home = Path.of(System.getProperty(HOME_PROPERTY, "."));
        if (verify) {
            long count = events != null ? events : DEFAULT_VERIFY_EVENTS;
            out.printf(Locale.ROOT, "Comparing the rows of Sluice and Flink over %,d events, parallelism %d, "
                    + "aggregation phases %s%n", count, parallelism, aggPhaseStrategy);
            out.flush();
            return new ResultVerifier(out).verify(queries, count, parallelism, aggPhaseStrategy) ? 0 : 1;
        }
        long count = events != null ? events : DEFAULT_EVENTS;
        Warmup warmup = new Warmup(warmupEvents != null ? warmupEvents : count, warmupSeconds);
        List<String> jvmFlags = jvmFlags();
        out.printf(Locale.ROOT, "Nexmark over %,d events (rate 10,000,000 events/s of event time), parallelism %d, "
                + "aggregation phases %s ('table.optimizer.agg-phase-strategy' in both engines)%n", count, parallelism,
                aggPhaseStrategy);
        out.printf(Locale.ROOT, "Each query and engine in its own JVM: %s; warm-up runs over %,d events each for at "
                + "least %d s, then %d measured runs over %,d events and %d over %,d, alternating; of each size the one "
                + "of median CPU seconds is shown%n", String.join(" ", jvmFlags.subList(0, 2)), warmup.events(),
                warmup.seconds(), runs, count, runs, 2 * count);
        out.println("marginal: what the second half of the larger run cost, (CPU s at 2N - CPU s at N) / N per event: "
                + "each engine's fixed costs per run cancel out");
        out.println("Sluice: from the INSERT to the end of its job, planning and code generation included");
        out.println("Flink 2.3.0: from the first row its source made to the end of the job; " + FlinkDriver.SETTINGS);
        out.println();
        out.flush();
        RunForker forker = new RunForker(jvmFlags, home.resolve("bench/target/logs"));
        if (checkpointInterval != null) {
            return checkpointCost(out, forker, chosen, count, warmup);
        }
        ResultTable table = new ResultTable();
        List<RunOutcome.Measured> withState = new ArrayList<>();
        table.printHeader(out);
        for (String query : queries) {
            for (Engines engine : chosen) {
                RunOutcome outcome = forker.run(engine, query, count, parallelism, warmup, runs, aggPhaseStrategy, Checkpointing.OFF);
                table.add(outcome);
                if (outcome instanceof RunOutcome.Measured measured && measured.state().isPresent()) {
                    withState.add(measured);
                }
            }
            table.printQuery(out, query);
        }
        table.add(forker.run(Engines.GENERATOR, "all", count, 1, warmup, runs, aggPhaseStrategy, Checkpointing.OFF));
        table.printQuery(out, "all");
        out.println();
        out.println("generator: the Nexmark generator alone on one thread, every event of the sequence "
                + "(persons, auctions, bids) into buffers; a query over bids alone makes only the bids, "
                + "which cost less per event than persons and auctions");
        out.println("final rows: the rows of the query's result once its changelog is applied; both engines' sinks "
                + "must get the same number");
        out.println();
        table.printRatios(out);
        printKeyedState(out, withState);
        Path csv = results != null ? results : home.resolve("bench/target/results.csv");
        table.writeCsv(csv);
        out.println("results: " + csv);
        List<String> invalid = table.invalidQueries();
        if (!invalid.isEmpty()) {
            out.println("INVALID: the figures of " + String.join(", ", invalid)
                    + " cannot be trusted: a run failed or the engines' sinks got different rows (see above)");
        }
        out.flush();
        return invalid.isEmpty() ? 0 : 1;
    }

    /** The keyed state of each run that reported it: bytes, keys, and bytes per key. */
    private static void printKeyedState(PrintWriter out, List<RunOutcome.Measured> runs) {
        if (runs.isEmpty()) {
            return;
        }
        out.println();
        out.println("keyed state held at the end of the run over 2N events (Sluice's SHOW QUERIES state_bytes, "
                + "state_keys: groups, join keys, Top-N partitions, over all tasks):");
        for (RunOutcome.Measured run : runs) {
            KeyedStateSize state = run.state().orElseThrow();
            out.printf(Locale.ROOT, "%-12s %-7s %,15d bytes %,12d keys %,10.1f bytes per key%n", run.query(),
                    run.engine(), state.bytes(), state.keys(), state.bytesPerKey());
        }
    }

    /** Each query on each engine without checkpoints and with them, and what they cost. */
    private int checkpointCost(PrintWriter out, RunForker forker, List<Engines> chosen, long count, Warmup warmup) {
        Checkpointing checkpointing = Checkpointing.every(checkpointInterval,
                Optional.ofNullable(checkpointDir).map(dir -> dir.toAbsolutePath().toString()));
        out.printf(Locale.ROOT, "Checkpoints every %s, exactly once, into %s; each query without them and with "
                + "them, each in its own JVM%n", checkpointInterval,
                checkpointDir != null ? checkpointDir : "each engine's default directory");
        out.println("cost: the CPU seconds the run with checkpoints took more, in per cent of the run without; "
                + "ckpts, median, median size: the checkpoints the run with them completed (Sluice: from SHOW JOBS; "
                + "Flink's are not read: ?)");
        out.println();
        CheckpointCostTable table = new CheckpointCostTable();
        table.printHeader(out);
        for (String query : queries) {
            for (Engines engine : chosen) {
                RunOutcome off = forker.run(engine, query, count, parallelism, warmup, runs, aggPhaseStrategy, Checkpointing.OFF);
                RunOutcome on = forker.run(engine, query, count, parallelism, warmup, runs, aggPhaseStrategy, checkpointing);
                table.print(out, query, engine.id(), off, on);
            }
        }
        return table.invalid() ? 1 : 0;
    }

    private List<Engines> engines() {
        List<Engines> chosen = new ArrayList<>();
        for (String name : engines) {
            Engines engine;
            try {
                engine = Engines.of(name);
            } catch (IllegalArgumentException e) {
                engine = Engines.GENERATOR;
            }
            if (engine == Engines.GENERATOR) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--engines takes sluice and flink, not '"
                        + name + "' (the generator is measured in every run)");
            }
            chosen.add(engine);
        }
        return chosen;
    }

    /** The flags of every forked JVM: the same heap for all, and quiet logs. */
    private List<String> jvmFlags() {
        return List.of("-Xms" + heap, "-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.org.apache.flink=error");
    }
}
