package io.sluice.engine.kafka;

import static io.sluice.engine.job.CheckpointedParts.prepareCommit;
import static io.sluice.engine.job.CheckpointedParts.restore;
import static io.sluice.engine.job.CheckpointedParts.snapshot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.job.CheckpointedParts;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.checkpoint.CheckpointListener;
import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.SinkCommitter;
import io.sluice.runtime.connector.SinkContext;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.connector.TwoPhaseCommitOutput;
import io.sluice.runtime.connector.kafka.KafkaSinkFactory;
import io.sluice.runtime.connector.kafka.KafkaSourceFactory;
import io.sluice.runtime.connector.upsertkafka.UpsertKafkaSinkFactory;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.FormatRegistry;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.ColumnTypes;
import io.sluice.runtime.vector.VectorValues;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kafka sink's outputs and committer driven as a checkpointed job drives them, with crashes
 * in between, against a real broker; what {@code read_committed} consumers see is the test.
 */
class KafkaExactlyOnceSinkTest {
    private static final Schema VALUES = new Schema(List.of(Field.nullable("v", ColumnTypes.INT)));

    private static KafkaBroker broker;

    private final RootAllocator allocator = new RootAllocator();

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.shared();
    }

    @AfterEach
    void noLeak() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void aCrashAfterTheSecondBarrierLeavesExactlyTheFirstCheckpointsRows() {
        String topic = "exactly-once-crash";
        broker.createTopic(topic, 2);
        Sink sink = sink(topic, Map.of("sink.delivery-guarantee", "exactly-once",
                "sink.transactional-id-prefix", "crash-job"));
        SinkCommitter committer = sink.committer().orElseThrow();
        byte[] checkpoint1;
        byte[] state1;
        TwoPhaseCommitOutput first = (TwoPhaseCommitOutput) sink.createOutput(task(0));
        try {
            emit(first, 1, 5);
            checkpoint1 = prepareCommit(first, 1);
            state1 = snapshot(first, 1);
            emit(first, 6, 10);
            prepareCommit(first, 2);
            assertEquals(List.of(), values(topic, "read_committed"), "nothing is visible before a commit");
        } finally {
            // the crash: checkpoint 2 never completes, and its transaction stays open
            first.close();
        }
        assertEquals(range(1, 10), values(topic, "read_uncommitted"));

        // The job resumes from checkpoint 1: its commits are made again, twice over.
        committer.commit(1, List.of(checkpoint1));
        committer.commit(1, List.of(checkpoint1));
        TwoPhaseCommitOutput resumed = (TwoPhaseCommitOutput) sink.createOutput(task(0));
        try {
            restore(resumed, state1);
            emit(resumed, 100, 102);
            byte[] checkpoint3 = prepareCommit(resumed, 3);
            committer.commit(3, List.of(checkpoint3));
        } finally {
            resumed.close();
        }
        committer.close();
        List<Integer> expected = new java.util.ArrayList<>(range(1, 5));
        expected.addAll(range(100, 102));
        assertEquals(expected, values(topic, "read_committed"));
    }

    @Test
    void aKafkaToKafkaCopyResumedFromACheckpointWritesEveryRecordOnce() {
        String input = "copy-in";
        String output = "copy-out";
        broker.createTopic(input, 2);
        broker.createTopic(output, 1);
        List<KafkaBroker.Record> records = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            records.add(KafkaBroker.Record.value(i % 2, "{\"v\":" + i + "}"));
        }
        broker.produce(input, records);
        Source source = new KafkaSourceFactory().create(new SourceContext("in", VALUES, new ConnectorOptions("kafka",
                Map.of("topic", input, "properties.bootstrap.servers", broker.bootstrapServers(), "format", "json",
                        "scan.startup.mode", "earliest-offset", "scan.bounded.mode", "latest-offset")),
                FormatRegistry.load(KafkaExactlyOnceSinkTest.class.getClassLoader())));
        Sink sink = sink(output, Map.of("sink.delivery-guarantee", "exactly-once",
                "sink.transactional-id-prefix", "copy-job"));
        byte[] readerState;
        byte[] writerState;
        byte[] checkpoint1;
        try (SinkCommitter committer = sink.committer().orElseThrow();
             VectorSchemaRoot batch = VectorSchemaRoot.create(VALUES, allocator)) {
            SourceReader reader = source.createReader(CheckpointedParts.task(allocator, 0, 1, 4), ReadMode.STREAM);
            TwoPhaseCommitOutput writer = (TwoPhaseCommitOutput) sink.createOutput(task(0));
            try {
                copy(reader, batch, writer, 3);
                // barrier 1 passes the reader, then the writer; the checkpoint completes
                readerState = snapshot(reader, 1);
                checkpoint1 = prepareCommit(writer, 1);
                writerState = snapshot(writer, 1);
                committer.commit(1, List.of(checkpoint1));
                ((CheckpointListener) writer).checkpointComplete(1);
                copy(reader, batch, writer, 2);
                // barrier 2 is taken, but the job crashes before checkpoint 2 completes
                snapshot(reader, 2);
                prepareCommit(writer, 2);
                snapshot(writer, 2);
                copy(reader, batch, writer, 1);
            } finally {
                reader.close();
                writer.close();
            }

            // resumed from checkpoint 1
            committer.commit(1, List.of(checkpoint1));
            SourceReader resumedReader = source.createReader(CheckpointedParts.task(allocator, 0, 1, 4),
                    ReadMode.STREAM);
            TwoPhaseCommitOutput resumedWriter = (TwoPhaseCommitOutput) sink.createOutput(task(0));
            try {
                restore(resumedReader, readerState);
                restore(resumedWriter, writerState);
                copy(resumedReader, batch, resumedWriter, Integer.MAX_VALUE);
                committer.commit(3, List.of(prepareCommit(resumedWriter, 3)));
                resumedWriter.finish();
            } finally {
                resumedReader.close();
                resumedWriter.close();
            }
        }
        List<Integer> copied = values(output, "read_committed");
        copied.sort(null);
        assertEquals(range(0, 59), copied);
    }

    /** Reads up to {@code batches} non-empty batches and writes each. */
    private static void copy(SourceReader reader, VectorSchemaRoot batch, Output writer, int batches) {
        for (int copied = 0; copied < batches; ) {
            int count = reader.read(batch);
            if (count == SourceReader.END) {
                return;
            }
            if (count > 0) {
                writer.emit(batch);
                copied++;
            }
        }
    }

    @Test
    void crashesOneAfterAnotherAfterACheckpointDoNotLengthenTheSearchForOpenTransactions() {
        String topic = "exactly-once-repeated";
        broker.createTopic(topic, 1);
        Sink sink = sink(topic, Map.of("sink.delivery-guarantee", "exactly-once",
                "sink.transactional-id-prefix", "repeated"));
        SinkCommitter committer = sink.committer().orElseThrow();
        byte[] checkpoint1;
        byte[] state1;
        TwoPhaseCommitOutput first = (TwoPhaseCommitOutput) sink.createOutput(task(0));
        try {
            emit(first, 1, 2);
            checkpoint1 = prepareCommit(first, 1);
            state1 = snapshot(first, 1);
        } finally {
            first.close();
        }
        committer.commit(1, List.of(checkpoint1));
        // every run after checkpoint 1 writes with transactional id repeated-0-1, then fails
        for (int run = 0; run < 3; run++) {
            TwoPhaseCommitOutput resumed = (TwoPhaseCommitOutput) sink.createOutput(task(0));
            try {
                restore(resumed, state1);
                emit(resumed, 10 + run, 10 + run);
            } finally {
                resumed.close();
            }
        }
        assertTrue(broker.knowsTransactionalId("repeated-0-1"));
        assertFalse(broker.knowsTransactionalId("repeated-0-2"), "no restore looked further than the ids written with");
        assertEquals(range(1, 2), values(topic, "read_committed"));
        committer.close();
    }

    @Test
    void theEndOfTheInputCommitsTheOpenTransactionAndACrashAbortsIt() {
        String topic = "exactly-once-end";
        broker.createTopic(topic, 1);
        Sink sink = sink(topic, Map.of("sink.delivery-guarantee", "exactly-once",
                "sink.transactional-id-prefix", "end-job"));
        TwoPhaseCommitOutput stopped = (TwoPhaseCommitOutput) sink.createOutput(task(0));
        emit(stopped, 1, 3);
        stopped.close();
        TwoPhaseCommitOutput finished = (TwoPhaseCommitOutput) sink.createOutput(task(0));
        emit(finished, 4, 6);
        finished.finish();
        finished.close();
        assertEquals(range(4, 6), values(topic, "read_committed"));
    }

    @Test
    void tasksWriteInTransactionsOfTheirOwn() {
        String topic = "exactly-once-tasks";
        broker.createTopic(topic, 2);
        Sink sink = sink(topic, Map.of("sink.delivery-guarantee", "exactly-once",
                "sink.transactional-id-prefix", "two-tasks"));
        TwoPhaseCommitOutput task0 = (TwoPhaseCommitOutput) sink.createOutput(task(0));
        TwoPhaseCommitOutput task1 = (TwoPhaseCommitOutput) sink.createOutput(task(1));
        try (SinkCommitter committer = sink.committer().orElseThrow()) {
            emit(task0, 1, 4);
            emit(task1, 11, 14);
            committer.commit(1, List.of(prepareCommit(task0, 1), prepareCommit(task1, 1)));
            emit(task0, 5, 6);
            // task 1 wrote nothing since: it has no transaction of its own to commit at checkpoint 2
            ((CheckpointListener) task1).checkpointComplete(1);
            assertArrayEquals(new byte[0], prepareCommit(task1, 2));
            byte[] task0Commit = prepareCommit(task0, 2);
            committer.commit(2, List.of(task0Commit));
        } finally {
            task0.close();
            task1.close();
        }
        List<Integer> values = values(topic, "read_committed");
        values.sort(null);
        List<Integer> expected = new java.util.ArrayList<>(range(1, 6));
        expected.addAll(range(11, 14));
        assertEquals(expected, values);
    }

    @Test
    void aTransactionTheBrokerAbortedForItsTimeoutFailsTheCommitAndSaysWhy() throws Exception {
        String topic = "exactly-once-timeout";
        broker.createTopic(topic, 1);
        Sink sink = sink(topic, Map.of("sink.delivery-guarantee", "exactly-once",
                "sink.transactional-id-prefix", "slow-job", "properties.transaction.timeout.ms", "1000"));
        byte[] checkpoint1;
        TwoPhaseCommitOutput output = (TwoPhaseCommitOutput) sink.createOutput(task(0));
        try {
            emit(output, 1, 3);
            checkpoint1 = prepareCommit(output, 1);
        } finally {
            output.close();
        }
        broker.awaitTransactionState("slow-job-0-0", org.apache.kafka.clients.admin.TransactionState.COMPLETE_ABORT);
        try (SinkCommitter committer = sink.committer().orElseThrow()) {
            SluiceException e = assertThrows(SluiceException.class, () -> committer.commit(1, List.of(checkpoint1)));
            assertEquals(ErrorCode.IO_ERROR, e.code());
            assertTrue(e.getMessage().startsWith("Kafka sink of topic 'exactly-once-timeout': transaction slow-job-0-0 "
                    + "of checkpoint 1 was aborted before it was committed: its records are lost"), e.getMessage());
        }
        assertEquals(List.of(), values(topic, "read_committed"));
    }

    @Test
    void anUpsertTopicIsWrittenExactlyOnceToo() {
        String topic = "exactly-once-upserts";
        broker.createTopic(topic, 1);
        Schema keyed = new Schema(List.of(Field.nullable("k", ColumnTypes.VARCHAR),
                Field.nullable("v", ColumnTypes.INT)));
        Map<String, String> options = new HashMap<>(Map.of("topic", topic,
                "properties.bootstrap.servers", broker.bootstrapServers(), "key.format", "csv",
                "value.format", "json", "sink.delivery-guarantee", "exactly-once",
                "sink.transactional-id-prefix", "upserts"));
        Sink sink = new UpsertKafkaSinkFactory().create(new SinkContext("totals", keyed, List.of("k"),
                new ConnectorOptions("upsert-kafka", options),
                FormatRegistry.load(KafkaExactlyOnceSinkTest.class.getClassLoader())));
        try (SinkCommitter committer = sink.committer().orElseThrow()) {
            TwoPhaseCommitOutput first = (TwoPhaseCommitOutput) sink.createOutput(task(0));
            try {
                emitChanges(first, keyed, new Object[][] {{"a", 1, RowKind.INSERT}, {"b", 2, RowKind.INSERT}});
                committer.commit(1, List.of(prepareCommit(first, 1)));
                emitChanges(first, keyed, new Object[][] {{"a", 1, RowKind.DELETE}});
                prepareCommit(first, 2);
            } finally {
                first.close();
            }
        }
        // the delete of checkpoint 2, which never completed, is not seen
        assertEquals(List.of("a={\"k\":\"a\",\"v\":1}", "b={\"k\":\"b\",\"v\":2}"),
                broker.consumeAll(topic, "read_committed").stream().map(r -> r.key() + "=" + r.value()).toList());
    }

    @Test
    void atLeastOnceHasNoCommitterAndSendsEverythingAtABarrier() {
        String topic = "at-least-once-barrier";
        broker.createTopic(topic, 1);
        Sink sink = sink(topic, Map.of("sink.delivery-guarantee", "at-least-once",
                "properties.linger.ms", "60000"));
        assertTrue(sink.committer().isEmpty());
        TwoPhaseCommitOutput output = (TwoPhaseCommitOutput) sink.createOutput(task(0));
        try {
            emit(output, 1, 3);
            assertArrayEquals(new byte[0], prepareCommit(output, 1));
            // the records are stored although the producer would have lingered a minute
            assertEquals(range(1, 3), values(topic, "read_committed"));
        } finally {
            output.close();
        }
    }

    @Test
    void exactlyOnceNeedsATransactionalIdPrefix() {
        SluiceException e = assertThrows(SluiceException.class,
                () -> sink("any", Map.of("sink.delivery-guarantee", "exactly-once")));
        assertEquals(ErrorCode.INVALID_OPTION, e.code());
        assertEquals("connector 'kafka' with 'sink.delivery-guarantee' = 'exactly-once' requires the option "
                + "'sink.transactional-id-prefix': the start of the ids of its Kafka transactions, unique to the job "
                + "that writes the table", e.getMessage());
    }

    private static List<Integer> range(int first, int last) {
        return IntStream.rangeClosed(first, last).boxed().collect(java.util.stream.Collectors.toList());
    }

    /** The values of the topic's records, partition by partition, as a consumer in this isolation level sees them. */
    private static List<Integer> values(String topic, String isolation) {
        return broker.consumeAll(topic, isolation).stream().map(ConsumerRecord::value)
                .map(value -> Integer.parseInt(value.replaceAll("[^0-9]", "")))
                .collect(java.util.stream.Collectors.toList());
    }

    private void emit(Output output, int first, int last) {
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(VALUES, allocator)) {
            IntVector v = (IntVector) batch.getVector(0);
            int count = last - first + 1;
            v.allocateNew(count);
            for (int i = 0; i < count; i++) {
                v.set(i, first + i);
            }
            batch.setRowCount(count);
            output.emit(batch);
        }
    }

    private void emitChanges(Output output, Schema schema, Object[][] rows) {
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(RowKinds.withRowKind(schema), allocator)) {
            batch.allocateNew();
            for (int row = 0; row < rows.length; row++) {
                VectorValues.set(batch.getVector(0), row, rows[row][0]);
                VectorValues.set(batch.getVector(1), row, rows[row][1]);
                RowKinds.set(RowKinds.of(batch), row, (RowKind) rows[row][2]);
            }
            batch.setRowCount(rows.length);
            output.emit(batch);
        }
    }

    /** A JSON Kafka sink of one INT column {@code v}, all records to partition 0 of each task's choosing. */
    private static Sink sink(String topic, Map<String, String> extra) {
        Map<String, String> options = new HashMap<>(Map.of("topic", topic,
                "properties.bootstrap.servers", broker.bootstrapServers(), "format", "json",
                "sink.partitioner", "fixed"));
        options.putAll(extra);
        return new KafkaSinkFactory().create(new SinkContext("out", VALUES, List.of(),
                new ConnectorOptions("kafka", options), FormatRegistry.load(KafkaExactlyOnceSinkTest.class.getClassLoader())));
    }

    private TaskContext task(int index) {
        return CheckpointedParts.task(allocator, index, 2, 64);
    }
}
