package io.sluice.runtime.connector.kafka;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.checkpoint.CheckpointListener;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.ByteOrderMark;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.format.RecordDecoder;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.WatermarkStrategy;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.ColumnViews;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task's consumer over its share of a topic's partitions (those whose number modulo the
 * parallelism is the task's index), assigned directly rather than through a group rebalance.
 * Values are decoded straight into the batch; metadata columns are filled from the record.
 *
 * <p>Watermarks, when the table declares one, are kept per partition (the largest rowtime seen
 * minus the delay) and the reader's is their minimum, leaving out partitions that have ended
 * and, after the idle timeout, those with no new record. Bounded reading ends each partition at
 * the offset that was the latest when the reader started.
 *
 * <p>A broker that goes away is not a failure: the client reconnects with back-off, and the
 * reader logs the outage and counts it ({@link QueryMetrics#sourceRetries()}). Errors that
 * retrying cannot cure (a bad option value, a deleted topic) fail the query.
 *
 * <p>A checkpoint keeps, per partition, the offset after the last record read and the largest
 * rowtime seen; a reader restored from it seeks there. The client never commits offsets by
 * itself: with a consumer group, the reader commits the offsets of a checkpoint once it is
 * complete, so that the group's offsets never run ahead of what a checkpoint holds.
 */
final class KafkaSourceReader implements SourceReader, Checkpointed, CheckpointListener {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceReader.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5_000;
    /** How long without records before the reader looks whether it still has a connection. */
    private static final long CONNECTION_CHECK_MILLIS = 2_000;
    /** The most snapshots kept for committing while their checkpoints are not known complete. */
    private static final int MAX_PENDING_COMMITS = 64;

    private final String table;
    private final String topic;
    private final String servers;
    private final TaskContext context;
    private final QueryMetrics metrics;
    private final DecoderFactory decoders;
    /** How keys and values make upserts, or null when each value is a row (or, in a changelog format, a change). */
    private final UpsertLayout upsert;
    /** True if batches carry the row-kind column: an upsert topic or a changelog format. */
    private final boolean changelog;
    private final int physicalColumns;
    private final int[] metadataColumns;
    private final String[] metadataKeys;
    private final byte[] topicBytes;
    private final WatermarkStrategy watermarks;
    private final long idleMillis;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    /** The slot of each partition number this task reads, -1 for the others. */
    private final int[] slots;
    private final long[] endOffsets;
    private final boolean[] done;
    private final long[] maxRowtime;
    private final long[] lastRecordMillis;
    /** The offset after the last record read, per partition: where a restored reader starts. */
    private final long[] nextOffsets;
    /** True if offsets are committed to a consumer group when checkpoints complete. */
    private final boolean commitsToGroup;
    /** The offsets of each snapshot taken and not yet committed, by the id of its checkpoint. */
    private final TreeMap<Long, long[]> uncommitted = new TreeMap<>();
    private int remaining;
    private long watermark = Watermarks.NONE;
    private Iterator<ConsumerRecord<byte[], byte[]>> pending = Collections.emptyIterator();

    private VectorSchemaRoot target;
    private RecordDecoder decoder;
    private RecordDecoder keyDecoder;
    /** Where a key is decoded, in its format's names, before its values go to the row's key columns. */
    private VectorSchemaRoot keys;
    private FieldVector[] keyVectors;
    private TinyIntVector kinds;
    /** The physical columns that a tombstone sets to null: those not in the key. */
    private FieldVector[] valueVectors;
    private FieldVector[] metadataVectors;
    private long retryAt;
    private long retryPause = FIRST_RETRY_MILLIS;
    private long lastActivityMillis;
    private boolean disconnected;

    /** @param upsert how keys and values make upserts, or null for a topic of rows or of changes in the value format */
    KafkaSourceReader(String table, KafkaOptions options, DecoderFactory decoders, UpsertLayout upsert,
                      int physicalColumns, int[] metadataColumns, String[] metadataKeys, StartupMode startup, long startupTimestamp,
                      boolean bounded, Optional<WatermarkStrategy> watermarks, Optional<Duration> idleTimeout,
                      int partitionCount, TaskContext context) {
        this.table = table;
        this.topic = options.topic();
        this.servers = String.valueOf(options.properties().get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        this.context = context;
        this.metrics = context.metrics();
        this.decoders = decoders;
        this.upsert = upsert;
        this.changelog = upsert != null || !decoders.changelogMode().isInsertOnly();
        this.physicalColumns = physicalColumns;
        this.metadataColumns = metadataColumns;
        this.metadataKeys = metadataKeys;
        this.topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        this.watermarks = watermarks.orElse(null);
        this.idleMillis = idleTimeout.map(Duration::toMillis).orElse(Long.MAX_VALUE);
        this.slots = new int[partitionCount];
        Arrays.fill(slots, -1);
        for (int partition = context.taskIndex(); partition < partitionCount; partition += context.parallelism()) {
            slots[partition] = partitions.size();
            partitions.add(new TopicPartition(topic, partition));
        }
        int count = partitions.size();
        this.done = new boolean[count];
        this.maxRowtime = new long[count];
        Arrays.fill(maxRowtime, Watermarks.NONE);
        this.lastRecordMillis = new long[count];
        this.nextOffsets = new long[count];
        this.commitsToGroup = options.properties().containsKey(ConsumerConfig.GROUP_ID_CONFIG);
        long now = context.clock().millis();
        Arrays.fill(lastRecordMillis, now);
        this.lastActivityMillis = now;
        this.remaining = count;
        if (count == 0) {
            // No partition for this task: it has nothing to read now or later.
            consumer = null;
            endOffsets = null;
            return;
        }
        consumer = new KafkaConsumer<>(consumerConfig(options), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            consumer.assign(partitions);
            seek(startup, startupTimestamp, options);
            endOffsets = bounded ? endOffsets(options.checkTimeout()) : null;
            if (endOffsets != null) {
                for (int slot = 0; slot < count; slot++) {
                    if (consumer.position(partitions.get(slot), options.checkTimeout()) >= endOffsets[slot]) {
                        markDone(slot);
                    }
                }
            }
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw translate(e, options);
        }
    }

    private static Map<String, Object> consumerConfig(KafkaOptions options) {
        Map<String, Object> config = new HashMap<>();
        options.properties().forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.putIfAbsent(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Offsets go to the group only when a checkpoint that holds them completes.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return config;
    }

    private void seek(StartupMode startup, long startupTimestamp, KafkaOptions options) {
        Duration timeout = options.checkTimeout();
        switch (startup) {
            case EARLIEST_OFFSET -> consumer.seekToBeginning(partitions);
            case LATEST_OFFSET -> consumer.seekToEnd(partitions);
            case TIMESTAMP -> {
                Map<TopicPartition, Long> times = new HashMap<>();
                partitions.forEach(partition -> times.put(partition, startupTimestamp));
                Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times, timeout);
                for (TopicPartition partition : partitions) {
                    OffsetAndTimestamp offset = offsets.get(partition);
                    if (offset == null) {
                        consumer.seekToEnd(List.of(partition));
                    } else {
                        consumer.seek(partition, offset.offset());
                    }
                }
            }
            case GROUP_OFFSETS -> {
                Map<TopicPartition, OffsetAndMetadata> committed = options.properties().containsKey("group.id")
                        ? consumer.committed(new HashSet<>(partitions), timeout)
                        : Map.of();
                boolean latest = "latest".equals(String.valueOf(options.properties().get("auto.offset.reset")));
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata offset = committed.get(partition);
                    if (offset != null) {
                        consumer.seek(partition, offset.offset());
                    } else if (latest) {
                        consumer.seekToEnd(List.of(partition));
                    } else {
                        consumer.seekToBeginning(List.of(partition));
                    }
                }
            }
        }
        for (int slot = 0; slot < partitions.size(); slot++) {
            nextOffsets[slot] = consumer.position(partitions.get(slot), timeout);
        }
    }

    private long[] endOffsets(Duration timeout) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        long[] result = new long[partitions.size()];
        for (int slot = 0; slot < result.length; slot++) {
            result[slot] = ends.get(partitions.get(slot));
        }
        return result;
    }

    @Override
    public int read(VectorSchemaRoot batch) {
        if (remaining == 0) {
            return END;
        }
        bind(batch);
        long now = context.clock().millis();
        if (now < retryAt) {
            sleepUntil(Math.min(now + POLL.toMillis(), retryAt));
            batch.setRowCount(0);
            return 0;
        }
        int rows = 0;
        // A record of a changelog format may make two rows: the batch keeps room for them.
        int room = context.batchSize() - decoder.maxRowsPerRecord() + 1;
        while ((rows == 0 || rows < room) && remaining > 0) {
            if (!pending.hasNext()) {
                if (rows > 0 || !poll()) {
                    break;
                }
                continue;
            }
            rows += readRecord(pending.next(), rows, now);
        }
        batch.setRowCount(rows);
        now = context.clock().millis();
        if (rows > 0) {
            lastActivityMillis = now;
        } else {
            checkConnection(now);
            checkEnds();
        }
        if (watermarks != null) {
            advanceWatermark(now);
        }
        return rows == 0 && remaining == 0 ? END : rows;
    }

    /** Decodes one record into rows from {@code row} on; returns how many it made, 0 if it was skipped. */
    private int readRecord(ConsumerRecord<byte[], byte[]> record, int row, long now) {
        int slot = slots[record.partition()];
        if (done[slot]) {
            return 0;
        }
        if (endOffsets != null && record.offset() + 1 >= endOffsets[slot]) {
            markDone(slot);
            if (record.offset() >= endOffsets[slot]) {
                return 0;
            }
        }
        lastRecordMillis[slot] = now;
        nextOffsets[slot] = record.offset() + 1;
        int rows = upsert != null ? readUpsert(record, row) : readValue(record, row);
        for (int r = row; r < row + rows; r++) {
            for (int i = 0; i < metadataVectors.length; i++) {
                switch (metadataKeys[i]) {
                    case KafkaMetadata.PARTITION -> ((IntVector) metadataVectors[i]).setSafe(r, record.partition());
                    case KafkaMetadata.OFFSET -> ((BigIntVector) metadataVectors[i]).setSafe(r, record.offset());
                    case KafkaMetadata.TIMESTAMP -> ((TimeStampMilliVector) metadataVectors[i]).setSafe(r, record.timestamp());
                    default -> ((VarCharVector) metadataVectors[i]).setSafe(r, topicBytes);
                }
            }
            if (watermarks != null) {
                TimeStampMilliVector rowtimes = (TimeStampMilliVector) target.getVector(watermarks.rowtimeColumn());
                if (!rowtimes.isNull(r)) {
                    maxRowtime[slot] = Math.max(maxRowtime[slot], rowtimes.get(r));
                }
            }
        }
        return rows;
    }

    /** The value alone makes the rows: a row, or in a changelog format a change's rows. */
    private int readValue(ConsumerRecord<byte[], byte[]> record, int row) {
        byte[] value = record.value();
        if (value == null) {
            // A tombstone follows a delete in a topic of changes; it holds no change of its own.
            if (!changelog) {
                metrics.reportMalformed(location(record), "the record has no value", "");
            }
            return 0;
        }
        return decode(decoder, record, value, "value", row) ? decoder.rowsDecoded() : 0;
    }

    /** The key makes the primary key's columns, the value the others: an upsert, or a delete when there is no value. */
    private int readUpsert(ConsumerRecord<byte[], byte[]> record, int row) {
        byte[] key = record.key();
        if (key == null) {
            metrics.reportMalformed(location(record), "the record has no key, which an upsert topic needs", "");
            return 0;
        }
        if (!decode(keyDecoder, record, key, "key", 0)) {
            return 0;
        }
        for (int k = 0; k < keyVectors.length; k++) {
            keyVectors[k].copyFromSafe(0, row, keys.getVector(k));
        }
        byte[] value = record.value();
        if (value == null) {
            for (FieldVector vector : valueVectors) {
                vector.setNull(row);
            }
            RowKinds.set(kinds, row, RowKind.DELETE);
            return 1;
        }
        if (!decode(decoder, record, value, "value", row)) {
            return 0;
        }
        RowKinds.set(kinds, row, RowKind.UPDATE_AFTER);
        return 1;
    }

    /** Decodes a key or value into rows from {@code row} on; false, counted as malformed, if it is not one. */
    private boolean decode(RecordDecoder decoder, ConsumerRecord<byte[], byte[]> record, byte[] bytes, String part,
                           int row) {
        // Each key and value is a text of its own, which may start with a byte-order mark.
        int start = ByteOrderMark.at(bytes, 0, bytes.length);
        if (!decoder.isRecord(bytes, start, bytes.length - start)) {
            metrics.reportMalformed(location(record), "the " + part + " is blank", "");
            return false;
        }
        String problem = decoder.decode(bytes, start, bytes.length - start, row);
        if (problem != null) {
            metrics.reportMalformed(location(record), upsert == null ? problem : "the " + part + ": " + problem,
                    new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.UTF_8));
            return false;
        }
        return true;
    }

    /** Fetches the next records; false if none came (or the fetch failed and waits to be retried). */
    private boolean poll() {
        try {
            pending = consumer.poll(POLL).iterator();
            retryPause = FIRST_RETRY_MILLIS;
            return pending.hasNext();
        } catch (InterruptException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RetriableException e) {
            metrics.addSourceRetry();
            LOG.warn("Kafka source of '{}' (task {}): reading topic '{}' failed, retrying in {} ms: {}", table,
                    context.taskIndex(), topic, retryPause, e.toString());
            retryAt = context.clock().millis() + retryPause;
            retryPause = Math.min(MAX_RETRY_MILLIS, retryPause * 2);
            return false;
        } catch (KafkaException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "Kafka source of '" + table + "': reading topic '" + topic
                    + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * The client reconnects by itself and polls just return nothing meanwhile; after a while
     * without records, look whether it has any connection, and say so once per outage.
     */
    private void checkConnection(long now) {
        if (now - lastActivityMillis < CONNECTION_CHECK_MILLIS) {
            return;
        }
        lastActivityMillis = now;
        boolean connected = connectionCount() > 0;
        if (!connected && !disconnected) {
            metrics.addSourceRetry();
            LOG.warn("Kafka source of '{}' (task {}): no connection to the cluster at '{}'; the client keeps "
                    + "retrying with back-off", table, context.taskIndex(), servers);
        } else if (connected && disconnected) {
            LOG.info("Kafka source of '{}' (task {}): connected again to '{}'", table, context.taskIndex(), servers);
        }
        disconnected = !connected;
    }

    private double connectionCount() {
        for (Map.Entry<MetricName, ? extends Metric> metric : consumer.metrics().entrySet()) {
            if (metric.getKey().name().equals("connection-count") && metric.getKey().group().equals("consumer-metrics")) {
                return ((Number) metric.getValue().metricValue()).doubleValue();
            }
        }
        return 1;
    }

    /** Bounded reading: a partition whose records are all read (or skipped as markers) is done. */
    private void checkEnds() {
        if (endOffsets == null || pending.hasNext()) {
            return;
        }
        for (int slot = 0; slot < partitions.size(); slot++) {
            if (!done[slot] && consumer.position(partitions.get(slot)) >= endOffsets[slot]) {
                markDone(slot);
            }
        }
    }

    private void markDone(int slot) {
        if (!done[slot]) {
            done[slot] = true;
            remaining--;
            consumer.pause(List.of(partitions.get(slot)));
        }
    }

    /**
     * The minimum over the partitions still active. Idle partitions do not hold it back; when
     * every partition is idle, none holds anything back, and the watermark goes as far as the
     * most advanced of them allows.
     */
    private void advanceWatermark(long now) {
        long activeMin = Long.MAX_VALUE;
        long idleMax = Watermarks.NONE;
        boolean active = false;
        for (int slot = 0; slot < partitions.size(); slot++) {
            if (done[slot]) {
                continue;
            }
            long partitionWatermark = maxRowtime[slot] == Watermarks.NONE
                    ? Watermarks.NONE
                    : maxRowtime[slot] - watermarks.delayMillis();
            if (now - lastRecordMillis[slot] >= idleMillis) {
                idleMax = Math.max(idleMax, partitionWatermark);
            } else {
                active = true;
                activeMin = Math.min(activeMin, partitionWatermark);
            }
        }
        long candidate = active ? activeMin : idleMax;
        if (candidate != Watermarks.NONE && candidate > watermark) {
            watermark = candidate;
        }
    }

    @Override
    public void snapshotState(long checkpointId, StateWriter out) throws IOException {
        int count = partitions.size();
        out.writeInt(count);
        for (int slot = 0; slot < count; slot++) {
            out.writeInt(partitions.get(slot).partition());
            out.writeLong(nextOffsets[slot]);
            out.writeLong(maxRowtime[slot]);
        }
        out.writeLong(watermark);
        if (commitsToGroup && count > 0) {
            uncommitted.put(checkpointId, nextOffsets.clone());
            // checkpoints that never complete (timed out) are forgotten once too many wait
            if (uncommitted.size() > MAX_PENDING_COMMITS) {
                uncommitted.pollFirstEntry();
            }
        }
    }

    /**
     * Seeks each partition of this task's share to the offset the checkpoint kept. A partition
     * the checkpoint does not know (the topic grew) starts as the startup mode says.
     */
    @Override
    public void restoreState(StateReader in) throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            int partition = in.readInt();
            long offset = in.readLong();
            long rowtime = in.readLong();
            int slot = partition < slots.length ? slots[partition] : -1;
            if (slot < 0) {
                throw new SluiceException(ErrorCode.IO_ERROR, "Kafka source of '" + table + "': the checkpoint of task "
                        + context.taskIndex() + " holds partition " + partition + " of topic '" + topic
                        + "', which this task does not read: the topic or the parallelism changed");
            }
            consumer.seek(partitions.get(slot), offset);
            nextOffsets[slot] = offset;
            maxRowtime[slot] = rowtime;
            if (endOffsets != null && offset >= endOffsets[slot]) {
                markDone(slot);
            }
        }
        watermark = in.readLong();
        pending = Collections.emptyIterator();
    }

    /**
     * Commits to the group the offsets this reader snapshotted for the completed checkpoint, or,
     * if it took none for that id (it was notified late, or restored after it), for the newest
     * earlier one it holds; forgets every snapshot up to that checkpoint, which no later commit
     * needs. The group's offsets are thus exactly those of a completed checkpoint, never ahead.
     */
    @Override
    public void checkpointComplete(long checkpointId) {
        Map.Entry<Long, long[]> completed = uncommitted.floorEntry(checkpointId);
        if (completed == null) {
            return;
        }
        long[] offsets = completed.getValue();
        uncommitted.headMap(checkpointId, true).clear();
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (int slot = 0; slot < offsets.length; slot++) {
            commit.put(partitions.get(slot), new OffsetAndMetadata(offsets[slot]));
        }
        consumer.commitAsync(commit, (committed, failure) -> {
            if (failure != null) {
                LOG.warn("Kafka source of '{}' (task {}): committing the offsets of checkpoint {} to the group "
                        + "failed: {}", table, context.taskIndex(), checkpointId, failure.toString());
            }
        });
    }

    @Override
    public long currentWatermark() {
        return watermark;
    }

    @Override
    public boolean emitsWatermarks() {
        return watermarks != null;
    }

    private void bind(VectorSchemaRoot batch) {
        if (batch == target) {
            return;
        }
        target = batch;
        List<FieldVector> physical = new ArrayList<>();
        metadataVectors = new FieldVector[metadataColumns.length];
        int next = 0;
        for (int c = 0; c < batch.getFieldVectors().size(); c++) {
            if (next < metadataColumns.length && metadataColumns[next] == c) {
                metadataVectors[next++] = batch.getVector(c);
            } else {
                physical.add(batch.getVector(c));
            }
        }
        int expected = physicalColumns + (changelog ? 1 : 0);
        if (physical.size() != expected) {
            throw SluiceException.internal("Kafka source of '" + table + "' got a batch of " + physical.size()
                    + " value columns, expected " + expected, null);
        }
        // Views over the batch's own vectors, so the decoders write into them; not closed here.
        VectorSchemaRoot rows = metadataColumns.length == 0 ? batch : new VectorSchemaRoot(physical);
        if (upsert == null) {
            decoder = decoders.create(rows);
            return;
        }
        kinds = RowKinds.of(rows);
        decoder = decoders.create(ColumnViews.of(rows, upsert.valueColumns()));
        if (keys == null) {
            keys = VectorSchemaRoot.create(upsert.keySchema(), context.allocator());
            keyDecoder = upsert.keys().create(keys);
        }
        keyVectors = Arrays.stream(upsert.keyColumns()).mapToObj(rows::getVector).toArray(FieldVector[]::new);
        boolean[] inKey = new boolean[physicalColumns];
        for (int column : upsert.keyColumns()) {
            inKey[column] = true;
        }
        List<FieldVector> others = new ArrayList<>();
        for (int c = 0; c < physicalColumns; c++) {
            if (!inKey[c]) {
                others.add(rows.getVector(c));
            }
        }
        valueVectors = others.toArray(new FieldVector[0]);
    }

    private String location(ConsumerRecord<byte[], byte[]> record) {
        return "topic " + topic + " partition " + record.partition() + " offset " + record.offset();
    }

    private SluiceException translate(RuntimeException e, KafkaOptions options) {
        if (e instanceof SluiceException sluice) {
            return sluice;
        }
        if (e instanceof org.apache.kafka.common.errors.TimeoutException) {
            return KafkaTopics.unreachable(servers, "no answer within " + options.checkTimeout().toMillis() + " ms", e);
        }
        return new SluiceException(ErrorCode.IO_ERROR, "Kafka source of '" + table + "': cannot start reading topic '"
                + topic + "': " + e.getMessage(), e);
    }

    private void sleepUntil(long deadline) {
        try {
            context.clock().sleepUntil(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (keys != null) {
            keys.close();
        }
        if (consumer != null) {
            consumer.close(CLOSE_TIMEOUT);
        }
    }
}
