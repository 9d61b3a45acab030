package io.sluice.runtime.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.operator.WatermarkStrategy;
import io.sluice.runtime.task.TaskContext;
import java.time.Duration;
import java.util.Optional;

/** A Kafka topic read by parallel consumers, each with its share of the partitions (see {@link KafkaSourceFactory}). */
final class KafkaSource implements Source {
    private final String table;
    private final KafkaOptions options;
    private final DecoderFactory decoders;
    private final UpsertLayout upsert;
    private final int physicalColumns;
    private final int[] metadataColumns;
    private final String[] metadataKeys;
    private final StartupMode startup;
    private final long startupTimestamp;
    private final boolean bounded;
    private final Optional<WatermarkStrategy> watermarks;
    private final Optional<Duration> idleTimeout;

    /** @param upsert how keys and values make upserts, or null for a topic of rows or of changes in the value format */
    KafkaSource(String table, KafkaOptions options, DecoderFactory decoders, UpsertLayout upsert, int physicalColumns, int[] metadataColumns,
                String[] metadataKeys, StartupMode startup, long startupTimestamp, boolean bounded,
                Optional<WatermarkStrategy> watermarks, Optional<Duration> idleTimeout) {
        this.table = requireNonNull(table, "table is null");
        this.options = requireNonNull(options, "options is null");
        this.decoders = requireNonNull(decoders, "decoders is null");
        this.upsert = upsert;
        this.physicalColumns = physicalColumns;
        this.metadataColumns = metadataColumns.clone();
        this.metadataKeys = metadataKeys.clone();
        this.startup = requireNonNull(startup, "startup is null");
        this.startupTimestamp = startupTimestamp;
        this.bounded = bounded;
        this.watermarks = requireNonNull(watermarks, "watermarks is null");
        this.idleTimeout = requireNonNull(idleTimeout, "idleTimeout is null");
    }

    @Override
    public boolean isBounded() {
        return bounded;
    }

    /** A plain SELECT reads up to the latest offsets at its start, then ends. */
    @Override
    public boolean supportsSnapshot() {
        return true;
    }

    @Override
    public SourceReader createReader(TaskContext context, ReadMode mode) {
        int partitions = KafkaTopics.partitions(options.properties(), options.topic(), options.checkTimeout());
        return new KafkaSourceReader(table, options, decoders, upsert, physicalColumns, metadataColumns, metadataKeys, startup,
                startupTimestamp, bounded || mode == ReadMode.SNAPSHOT, watermarks, idleTimeout, partitions, context);
    }

    /** A reader resumes at the offsets a checkpoint kept (see {@link KafkaSourceReader}). */
    @Override
    public boolean canReplay() {
        return true;
    }

    /** An upsert topic is read as upserts by the primary key; a topic in a changelog format as its changes. */
    @Override
    public ChangelogMode changelogMode() {
        return upsert != null ? ChangelogMode.UPSERT : decoders.changelogMode();
    }

    @Override
    public void check() {
        KafkaTopics.partitions(options.properties(), options.topic(), options.checkTimeout());
    }

    @Override
    public String describe() {
        return (upsert != null ? "upsert-kafka" : "kafka") + "(topic=" + options.topic() + ", bootstrap.servers="
                + options.properties().get("bootstrap.servers") + ")";
    }
}
