package io.sluice.engine.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.sluice.runtime.Clock;
import io.sluice.runtime.checkpoint.CheckpointStats;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Watermarks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.OptionalLong;
import java.util.function.ToDoubleFunction;

/**
 * The meters of one query or job, tagged with its id, kind and owner, and of its plan's nodes:
 * functions over its {@link QueryMetrics} counters, read when the registry is scraped. Removed from
 * the registry when the query goes.
 */
final class QueryMeters implements AutoCloseable {
    private static final double NANOS_PER_SECOND = 1e9;

    private final MeterRegistry registry;
    private final MeteredQuery query;
    private final Clock clock;
    private final Tags tags;
    private final List<Meter> meters = new ArrayList<>();
    private final Set<OperatorMetrics> boundOperators = new HashSet<>();
    private final Throughput throughput = new Throughput();
    private long unlistedSince = -1;

    QueryMeters(MeterRegistry registry, MeteredQuery query, Clock clock) {
        this.registry = registry;
        this.query = query;
        this.clock = clock;
        this.tags = Tags.of("query", query.id(), "kind", query.kind(), "owner", query.owner());
        QueryMetrics metrics = query.metrics();
        counter("sluice.query.records.in", "Records the query's sources read", metrics, QueryMetrics::recordsIn);
        counter("sluice.query.records.out", "Records the query emitted to its sink or client", metrics,
                QueryMetrics::recordsOut);
        counter("sluice.query.bytes.in", "Bytes of the Arrow batches the query's sources read", metrics,
                QueryMetrics::bytesIn);
        counter("sluice.query.bytes.out", "Bytes of the Arrow batches the query emitted", metrics,
                QueryMetrics::bytesOut);
        counter("sluice.query.records.malformed", "Records the query's sources could not read", metrics,
                QueryMetrics::malformedRecords);
        counter("sluice.query.records.late", "Records dropped because every window holding them had fired",
                metrics, QueryMetrics::lateRecords);
        counter("sluice.query.source.retries", "Times a source lost its connection and retried", metrics,
                QueryMetrics::sourceRetries);
        counter("sluice.query.backpressure.seconds", "Time tasks waited on a full exchange queue", metrics,
                m -> m.backPressureNanos() / NANOS_PER_SECOND);
        gauge("sluice.query.records.in.rate", "Records read per second over the last 10 seconds", throughput,
                Throughput::recordsInPerSecond);
        gauge("sluice.query.records.out.rate", "Records emitted per second over the last 10 seconds", throughput,
                Throughput::recordsOutPerSecond);
        gauge("sluice.query.watermark.millis", "The watermark of the query's output, epoch milliseconds of the local "
                + "date-time", metrics, m -> timeOrNaN(m.watermark()));
        gauge("sluice.query.event.time.lag.seconds", "Local time now less the watermark of the query's output",
                this, QueryMeters::eventTimeLagSeconds);
        gauge("sluice.query.state.bytes", "Estimated bytes of the query's keyed state", metrics,
                m -> m.state().bytes());
        gauge("sluice.query.state.keys", "Keys of the query's keyed state", metrics, m -> m.state().keys());
        gauge("sluice.query.memory.used.bytes", "Bytes the query holds in Arrow buffers and charged state", query,
                q -> q.memoryUsed().getAsLong());
        gauge("sluice.query.memory.limit.bytes", "The query's memory limit", query, q -> q.memoryLimit().getAsLong());
        if (query.kind().equals("job")) {
            gauge("sluice.job.restarts", "Times the job restarted after a failure", query,
                    q -> q.restarts().getAsInt());
            gauge("sluice.job.checkpoint.last.id", "Id of the job's newest completed checkpoint", query,
                    q -> q.checkpoint().get().map(c -> (double) c.id()).orElse(Double.NaN));
            gauge("sluice.job.checkpoint.last.duration.seconds", "Duration of the job's newest completed checkpoint",
                    query, q -> q.checkpoint().get().map(c -> c.durationMillis() / 1000.0).orElse(Double.NaN));
            gauge("sluice.job.checkpoint.last.bytes", "Size of the job's newest completed checkpoint", query,
                    q -> q.checkpoint().get().map(CheckpointStats::bytes).map(Long::doubleValue).orElse(Double.NaN));
        }
        bindOperators();
    }

    Throughput throughput() {
        return throughput;
    }

    QueryMetrics metrics() {
        return query.metrics();
    }

    /**
     * Samples the rates, binds meters of plan nodes that appeared since (a job's restart plans
     * anew), and notes when the query stopped being listed.
     */
    void refresh(boolean listed) {
        long now = clock.millis();
        throughput.sample(now, query.metrics().recordsIn(), query.metrics().recordsOut());
        bindOperators();
        unlistedSince = listed ? -1 : unlistedSince < 0 ? now : unlistedSince;
    }

    /** True once the query has not been listed for {@link EngineMetrics#ENDED_RETENTION}. */
    boolean endedLongAgo(long now) {
        return unlistedSince >= 0 && now - unlistedSince >= EngineMetrics.ENDED_RETENTION;
    }

    private void bindOperators() {
        QueryMetrics metrics = query.metrics();
        for (OperatorMetrics node : metrics.operators()) {
            if (!boundOperators.add(node)) {
                continue;
            }
            Tags nodeTags = tags.and("pipeline", node.pipeline(), "position", Integer.toString(node.position()),
                    "operator", node.name());
            meters.add(FunctionCounter.builder("sluice.operator.records.in", node, OperatorMetrics::rowsIn)
                    .description("Rows that entered the plan node").tags(nodeTags).register(registry));
            meters.add(FunctionCounter.builder("sluice.operator.records.out", node, n -> metrics.rowsOut(n))
                    .description("Rows the plan node emitted").tags(nodeTags).register(registry));
            meters.add(FunctionCounter.builder("sluice.operator.records.late", node, OperatorMetrics::lateRecords)
                    .description("Rows the plan node dropped because every window holding them had fired")
                    .tags(nodeTags).register(registry));
            meters.add(FunctionCounter.builder("sluice.operator.busy.seconds", node,
                            n -> metrics.ownNanos(n) / NANOS_PER_SECOND)
                    .description("Time the plan node's tasks spent in it, without the nodes after it")
                    .tags(nodeTags).register(registry));
            meters.add(Gauge.builder("sluice.operator.state.bytes", node, n -> n.state().bytes())
                    .description("Estimated bytes of the plan node's keyed state").tags(nodeTags).register(registry));
            meters.add(Gauge.builder("sluice.operator.state.keys", node, n -> n.state().keys())
                    .description("Keys of the plan node's keyed state").tags(nodeTags).register(registry));
            meters.add(Gauge.builder("sluice.operator.watermark.millis", node, n -> timeOrNaN(n.watermark()))
                    .description("The watermark the plan node has reached").tags(nodeTags).register(registry));
        }
    }

    private double eventTimeLagSeconds() {
        OptionalLong lag = EventTimeLag.millis(query.metrics(), clock);
        return lag.isPresent() ? lag.getAsLong() / 1000.0 : Double.NaN;
    }

    private static double timeOrNaN(long watermark) {
        return watermark == Watermarks.NONE || watermark == Watermarks.END ? Double.NaN : watermark;
    }

    private <T> void counter(String name, String description, T object, ToDoubleFunction<T> value) {
        meters.add(FunctionCounter.builder(name, object, value).description(description).tags(tags).register(registry));
    }

    private <T> void gauge(String name, String description, T object, ToDoubleFunction<T> value) {
        meters.add(Gauge.builder(name, object, value).description(description).tags(tags).register(registry));
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
