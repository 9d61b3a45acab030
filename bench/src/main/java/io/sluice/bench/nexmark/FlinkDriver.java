package io.sluice.bench.nexmark;

import io.sluice.bench.flink.FirstRow;
import io.sluice.planner.physical.AggPhaseStrategy;
import io.sluice.runtime.changelog.RowKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Apache Flink's table planner and runtime in a local mini cluster, tuned as Flink's own Nexmark
 * setup tunes it: object reuse on, the hashmap state backend, mini-batches of up to 50,000 rows
 * or 2 seconds. Checkpoints are off unless asked for: then exactly once, into a local directory.
 */
final class FlinkDriver implements EngineDriver {
    /** The settings, as the runner prints them. */
    static final String SETTINGS = "pipeline.object-reuse=true, state.backend.type=hashmap, "
            + "table.exec.mini-batch.enabled=true (2 s, 50000 rows), checkpoints off; sinks take every row kind";

    private final StreamTableEnvironment tables;

    FlinkDriver(int parallelism, AggPhaseStrategy aggPhaseStrategy, Checkpointing checkpointing) {
        Configuration config = new Configuration();
        config.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        config.set(PipelineOptions.OBJECT_REUSE, true);
        config.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        config.set(RestOptions.BIND_PORT, "0");
        config.setString("table.exec.mini-batch.enabled", "true");
        config.setString("table.exec.mini-batch.allow-latency", "2 s");
        config.setString("table.exec.mini-batch.size", "50000");
        config.setString(AggPhaseStrategy.OPTION, aggPhaseStrategy.name());
        if (checkpointing.on()) {
            config.setString("execution.checkpointing.interval", checkpointing.interval().get());
            config.setString("execution.checkpointing.mode", "EXACTLY_ONCE");
            Path directory = checkpointing.directory().map(Path::of)
                    .orElse(Path.of(System.getProperty("java.io.tmpdir"), "flink-checkpoints"));
            config.setString("execution.checkpointing.dir", directory.toAbsolutePath().toUri().toString());
        }
        StreamExecutionEnvironment environment = StreamExecutionEnvironment.createLocalEnvironment(config);
        this.tables = StreamTableEnvironment.create(environment,
                EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(config).build());
    }

    @Override
    public void execute(String statement) {
        tables.executeSql(statement);
    }

    /**
     * From the first row the job's sources made to the end of the job: Flink's planning, job
     * submission and the mini cluster's start are left out, as a running cluster would not pay
     * them per query.
     */
    @Override
    public Span insert(String statement) {
        FirstRow.reset();
        try {
            tables.executeSql(statement).await();
            Span.Start first = FirstRow.first().orElseThrow(() -> new IllegalStateException(
                    "Flink's job ended without reading a row: " + statement));
            return first.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Flink ran: " + statement, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Flink's job failed: " + e.getCause(), e.getCause());
        }
    }

    /** Applies the changelog Flink's streaming result gives, each row with its kind. */
    @Override
    public List<List<Object>> query(String query) {
        FinalResult result = new FinalResult();
        try (CloseableIterator<Row> iterator = tables.executeSql(query).collect()) {
            while (iterator.hasNext()) {
                Row row = iterator.next();
                List<Object> values = new ArrayList<>(row.getArity());
                for (int i = 0; i < row.getArity(); i++) {
                    values.add(row.getField(i));
                }
                result.apply(RowKind.ofShortString(row.getKind().shortString()), values);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Flink's query failed: " + e, e);
        }
        return result.rows();
    }

    @Override
    public void close() {
        // each job's mini cluster stops when the job ends
    }
}
