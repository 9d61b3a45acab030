package io.sluice.engine.kafka;

import static io.sluice.engine.job.CheckpointedParts.restore;
import static io.sluice.engine.job.CheckpointedParts.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.job.CheckpointedParts;
import io.sluice.runtime.Clock;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.checkpoint.CheckpointListener;
import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.connector.kafka.KafkaSourceFactory;
import io.sluice.runtime.connector.upsertkafka.UpsertKafkaSourceFactory;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.FormatRegistry;
import io.sluice.runtime.security.AccessPolicy;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.ColumnTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Kafka reader driven as a checkpointed job drives it: read, snapshot, close; a fresh reader
 * restores and reads the rest. Record {@code i} of the topic is {@code {"v": i}} in partition
 * {@code i % 3}, at offset {@code i / 3}.
 */
class KafkaSourceCheckpointTest {
    private static final String TOPIC = "checkpointed-source";
    private static final int PARTITIONS = 3;
    private static final int RECORDS = 90;
    private static final Schema VALUES = new Schema(List.of(Field.nullable("v", ColumnTypes.INT)));

    private static KafkaBroker broker;

    private final RootAllocator allocator = new RootAllocator();

    @BeforeAll
    static void fillTopic() {
        broker = KafkaBroker.shared();
        broker.createTopic(TOPIC, PARTITIONS);
        List<KafkaBroker.Record> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(KafkaBroker.Record.value(i % PARTITIONS, "{\"v\":" + i + "}"));
        }
        broker.produce(TOPIC, records);
        // the group coordinator is up before a reader commits: an asynchronous commit is not retried
        broker.commitOffset("warm-up", TOPIC, 0, 0);
    }

    @AfterEach
    void noLeak() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void aReaderResumedAfterAnyBatchReadsEveryRecordOnce() {
        Source source = source(Map.of());
        assertTrue(source.canReplay());
        List<Integer> all = IntStream.range(0, RECORDS).boxed().toList();
        for (int batches : new int[] {0, 1, 4, 11, 23}) {
            List<Integer> values = new ArrayList<>();
            byte[] state;
            try (VectorSchemaRoot root = VectorSchemaRoot.create(VALUES, allocator);
                    SourceReader first = source.createReader(task(), ReadMode.STREAM)) {
                values.addAll(read(first, root, batches));
                state = snapshot(first, 1);
            }
            try (VectorSchemaRoot root = VectorSchemaRoot.create(VALUES, allocator);
                    SourceReader resumed = source.createReader(task(), ReadMode.STREAM)) {
                restore(resumed, state);
                values.addAll(read(resumed, root, Integer.MAX_VALUE));
            }
            values.sort(null);
            assertEquals(all, values, "resumed after " + batches + " batches");
        }
    }

    @Test
    void anUpsertTopicResumedAfterAnyBatchReadsEveryChangeOnce() {
        String topic = "checkpointed-upserts";
        broker.createTopic(topic, 2);
        List<KafkaBroker.Record> records = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String key = "k" + i % 7;
            // every fifth record is a tombstone: a delete of its key
            String value = i % 5 == 4 ? null : "{\"k\":\"" + key + "\",\"v\":" + i + "}";
            records.add(new KafkaBroker.Record(i % 2, null, "{\"k\":\"" + key + "\"}", value));
            expected.add(value == null ? "-D|" + key : "+U|" + key + "|" + i);
        }
        broker.produce(topic, records);
        Schema keyed = new Schema(List.of(Field.nullable("k", ColumnTypes.VARCHAR), Field.nullable("v", ColumnTypes.INT)));
        Map<String, String> options = new HashMap<>(Map.of("topic", topic,
                "properties.bootstrap.servers", broker.bootstrapServers(), "key.format", "json",
                "value.format", "json", "scan.bounded.mode", "latest-offset"));
        Source source = new UpsertKafkaSourceFactory().create(new SourceContext("t", keyed,
                new ConnectorOptions("upsert-kafka", options), FormatRegistry.load(getClass().getClassLoader()),
                Optional.empty(), Optional.empty(), Map.of(), Clock.SYSTEM, AccessPolicy.OPEN, List.of("k")));
        assertTrue(source.canReplay());
        expected.sort(null);
        for (int batches : new int[] {0, 2, 7}) {
            List<String> changes = new ArrayList<>();
            byte[] state;
            try (VectorSchemaRoot root = VectorSchemaRoot.create(RowKinds.withRowKind(keyed), allocator);
                    SourceReader first = source.createReader(task(), ReadMode.STREAM)) {
                changes.addAll(readChanges(first, root, batches));
                state = snapshot(first, 1);
            }
            try (VectorSchemaRoot root = VectorSchemaRoot.create(RowKinds.withRowKind(keyed), allocator);
                    SourceReader resumed = source.createReader(task(), ReadMode.STREAM)) {
                restore(resumed, state);
                changes.addAll(readChanges(resumed, root, Integer.MAX_VALUE));
            }
            changes.sort(null);
            assertEquals(expected, changes, "resumed after " + batches + " batches");
        }
    }

    @Test
    void theGroupGetsTheOffsetsOfACheckpointOnlyWhenItCompletes() throws Exception {
        String group = "checkpointed-group";
        Source source = source(Map.of("properties.group.id", group, "scan.startup.mode", "earliest-offset"));
        List<Integer> beforeCheckpoint;
        try (VectorSchemaRoot root = VectorSchemaRoot.create(VALUES, allocator);
                SourceReader reader = source.createReader(task(), ReadMode.STREAM)) {
            beforeCheckpoint = read(reader, root, 3);
            snapshot(reader, 1);
            read(reader, root, 2);
            assertEquals(Map.of(), committed(group), "nothing is committed before the checkpoint completes");
            ((CheckpointListener) reader).checkpointComplete(1);
            // one more read lets the client finish the asynchronous commit
            read(reader, root, 1);
        }
        assertEquals(nextOffsets(beforeCheckpoint), committed(group));
    }

    @Test
    void theGroupGetsExactlyTheOffsetsOfTheCheckpointThatCompleted() throws Exception {
        String group = "completed-group";
        Source source = source(Map.of("properties.group.id", group, "scan.startup.mode", "earliest-offset"));
        List<Integer> read = new ArrayList<>();
        Map<Integer, Long> atCheckpoint2;
        try (VectorSchemaRoot root = VectorSchemaRoot.create(VALUES, allocator);
                SourceReader reader = source.createReader(task(), ReadMode.STREAM)) {
            read.addAll(read(reader, root, 2));
            snapshot(reader, 1);
            read.addAll(read(reader, root, 2));
            snapshot(reader, 2);
            atCheckpoint2 = nextOffsets(read);
            read.addAll(read(reader, root, 2));
            snapshot(reader, 3);
            // checkpoint 1 timed out; 2 completes: its offsets, not the older ones of 1, nor those of 3
            ((CheckpointListener) reader).checkpointComplete(2);
            // one more read lets the client finish the asynchronous commit
            read(reader, root, 1);
            // a notification that comes again commits nothing older
            ((CheckpointListener) reader).checkpointComplete(2);
            read(reader, root, 1);
        }
        assertEquals(atCheckpoint2, committed(group));
    }

    @Test
    void readingWithoutCheckpointsCommitsNothing() throws Exception {
        String group = "unchecked-group";
        Source source = source(Map.of("properties.group.id", group));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(VALUES, allocator);
                SourceReader reader = source.createReader(task(), ReadMode.STREAM)) {
            assertEquals(RECORDS, read(reader, root, Integer.MAX_VALUE).size());
        }
        assertEquals(Map.of(), committed(group));
    }

    @Test
    void theClientsOwnAutoCommitIsRefused() {
        SluiceException e = assertThrows(SluiceException.class,
                () -> source(Map.of("properties.group.id", "g", "properties.enable.auto.commit", "true")));
        assertEquals(ErrorCode.INVALID_OPTION, e.code());
        assertTrue(e.getMessage().contains("'properties.enable.auto.commit'"), e.getMessage());
    }

    /** For each partition, the offset after the last of {@code values} in it (record i is at offset i / 3). */
    private static Map<Integer, Long> nextOffsets(List<Integer> values) {
        Map<Integer, Long> offsets = new HashMap<>();
        for (int value : values) {
            offsets.merge(value % PARTITIONS, (long) value / PARTITIONS + 1, Math::max);
        }
        for (int partition = 0; partition < PARTITIONS; partition++) {
            offsets.putIfAbsent(partition, 0L);
        }
        return offsets;
    }

    private static Map<Integer, Long> committed(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<Integer, Long> result = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    result.put(partition.partition(), offset.offset());
                }
            });
            return result;
        }
    }

    /** The changes of up to {@code batches} non-empty batches, as {@code +U|k|v} and {@code -D|k}. */
    private static List<String> readChanges(SourceReader reader, VectorSchemaRoot root, int batches) {
        List<String> changes = new ArrayList<>();
        for (int read = 0; read < batches; ) {
            int count = reader.read(root);
            if (count == SourceReader.END) {
                break;
            }
            for (int row = 0; row < count; row++) {
                RowKind kind = RowKinds.at(root, row);
                String key = root.getVector(0).getObject(row).toString();
                changes.add(kind == RowKind.DELETE ? "-D|" + key
                        : kind.shortString() + "|" + key + "|" + root.getVector(1).getObject(row));
            }
            if (count > 0) {
                read++;
            }
        }
        return changes;
    }

    /** The values of up to {@code batches} non-empty batches, until the reader ends. */
    private static List<Integer> read(SourceReader reader, VectorSchemaRoot root, int batches) {
        List<Integer> values = new ArrayList<>();
        for (int read = 0; read < batches; ) {
            int count = reader.read(root);
            if (count == SourceReader.END) {
                break;
            }
            IntVector v = (IntVector) root.getVector(0);
            for (int row = 0; row < count; row++) {
                values.add(v.get(row));
            }
            if (count > 0) {
                read++;
            }
        }
        return values;
    }

    /** A bounded reader of the topic from its start, in JSON. */
    private static Source source(Map<String, String> extra) {
        Map<String, String> options = new HashMap<>(Map.of("topic", TOPIC,
                "properties.bootstrap.servers", broker.bootstrapServers(), "format", "json",
                "scan.startup.mode", "earliest-offset", "scan.bounded.mode", "latest-offset"));
        options.putAll(extra);
        return new KafkaSourceFactory().create(new SourceContext("t", VALUES, new ConnectorOptions("kafka", options),
                FormatRegistry.load(KafkaSourceCheckpointTest.class.getClassLoader())));
    }

    private TaskContext task() {
        return CheckpointedParts.task(allocator, 0, 1, 4);
    }
}
