package io.sluice.bench.kafka;

import io.sluice.bench.QuietCommand;
import io.sluice.bench.Throughput;
import io.sluice.bench.nexmark.Span;
import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.job.BackgroundJob;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How fast jobs read Kafka: records per second, and per core, from a topic of JSON bids through a
 * filter into a blackhole, and through a tumbling-window count into another topic. A broker on
 * loopback, in a JVM of its own, holds the topic; each run reads all of it
 * ({@code 'scan.bounded.mode' = 'latest-offset'}) and is timed from its {@code INSERT} to the end
 * of its job.
 */
@Command(name = "KafkaBenchmark", sortOptions = false, usageHelpAutoWidth = true,
        description = "Measures records per second, and per core, of jobs reading a Kafka topic.")
public final class KafkaBenchmark implements Callable<Integer> {
    @Option(names = "--records", paramLabel = "N", description = "Records in the input topic (default: 2,000,000).")
    private int records = 2_000_000;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the input topic (default: 4).")
    private int partitions = 4;

    @Option(names = "--parallelism", paramLabel = "P", description = "Tasks per operator (default: 2).")
    private int parallelism = 2;

    @Option(names = "--jobs", split = ",", paramLabel = "JOB[,JOB]", hideParamSyntax = true,
            description = "The jobs to time: filter, tumble (default: both).")
    private List<KafkaJob> jobs = List.of(KafkaJob.FILTER, KafkaJob.TUMBLE);

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs of each job; the median is shown (default: 3).")
    private int runs = 3;

    @Option(names = "--warmup-runs", paramLabel = "N", description = "Runs of each job before the timed ones (default: 1).")
    private int warmupRuns = 1;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        QuietCommand.run(new KafkaBenchmark(), args);
    }

    @Override
    public Integer call() throws Exception {
        if (records < 1 || partitions < 1 || parallelism < 1 || runs < 1 || warmupRuns < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--records, --partitions, --parallelism and "
                    + "--runs must be at least 1, --warmup-runs at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Kafka jobs over %,d JSON bids in a topic of %d partitions, parallelism %d%n", records,
                partitions, parallelism);
        out.printf(Locale.ROOT, "Runs: %d timed, after %d for warm-up; the median is shown. A run lasts from its "
                + "INSERT (planning included) to the end of its job.%nPer core: records per CPU second of this process "
                + "(engine and Kafka clients; the broker runs in a JVM of its own).%n", runs, warmupRuns);
        out.println("filling the topic…");
        out.flush();
        try (ForkedBroker broker = ForkedBroker.start(records, partitions);
             Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(parallelism));
             Session session = engine.newSession()) {
            declareTables(session, broker.bootstrapServers());
            out.printf(Locale.ROOT, "%n%-26s %14s %20s   %s%n", "job", "records/s", "records/s per core",
                    "slowest .. fastest run");
            out.flush();
            for (KafkaJob job : jobs) {
                List<Span> timed = new ArrayList<>();
                for (int i = 0; i < warmupRuns + runs; i++) {
                    Span span = run(session, job);
                    if (i >= warmupRuns) {
                        timed.add(span);
                    }
                }
                Throughput throughput = new Throughput(records, timed);
                out.printf(Locale.ROOT, "%-26s %,14.0f %,20.0f   %,.0f .. %,.0f%n", job.description(),
                        throughput.perSecond(), throughput.perCore(), throughput.slowestPerSecond(),
                        throughput.fastestPerSecond());
                out.flush();
            }
        }
        return 0;
    }

    private static void declareTables(Session session, String bootstrapServers) {
        session.execute("CREATE STREAM bids (ts TIMESTAMP(3), auction BIGINT, price BIGINT,"
                + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kafka',"
                + " 'topic' = '" + ForkedBroker.INPUT_TOPIC + "', 'properties.bootstrap.servers' = '" + bootstrapServers
                + "', 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset',"
                + " 'format' = 'json')");
        session.execute("CREATE TABLE nothing (ts TIMESTAMP(3), auction BIGINT, price BIGINT)"
                + " WITH ('connector' = 'blackhole')");
        session.execute("CREATE STREAM counts (window_start TIMESTAMP(3), auction BIGINT, c BIGINT)"
                + " WITH ('connector' = 'kafka', 'topic' = '" + ForkedBroker.OUTPUT_TOPIC + "',"
                + " 'properties.bootstrap.servers' = '" + bootstrapServers + "', 'format' = 'json')");
        // Each INSERT returns when its job has ended.
        session.execute("SET 'table.dml-sync' = 'true'");
    }

    /** One run of a job over the whole topic; checks that it read every record and failed none. */
    private Span run(Session session, KafkaJob job) {
        Span.Start start = Span.start();
        String id = session.execute(job.insert()).message();
        Span span = start.stop();
        BackgroundJob background = session.engine().jobs().find(id).orElseThrow();
        if (background.failure() != null) {
            throw background.failure();
        }
        long read = background.metrics().recordsIn();
        long malformed = background.metrics().malformedRecords();
        if (read != records || malformed != 0) {
            throw new IllegalStateException(job.description() + " read " + read + " records (" + malformed
                    + " malformed), not " + records);
        }
        return span;
    }
}
