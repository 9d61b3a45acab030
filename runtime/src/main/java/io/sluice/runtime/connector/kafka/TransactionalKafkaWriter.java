package io.sluice.runtime.connector.kafka;

import io.sluice.runtime.checkpoint.CheckpointListener;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.connector.TwoPhaseCommitOutput;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task's producer, exactly once: what the task writes between two checkpoint barriers goes
 * into one Kafka transaction, which {@code read_committed} consumers do not see until the sink's
 * {@link KafkaCommitter} commits it, once the checkpoint is complete.
 *
 * <p>A transactional id holds one open transaction at a time, and a transaction sealed at a
 * barrier stays open until its checkpoint completes while the task writes on; so each
 * transaction has an id of its own, {@code <prefix>-<task>-<n>}, {@code n} counting the task's
 * transactions. A checkpoint keeps the next {@code n}: a task resumed from it opens transactions
 * from there on, and before its first one aborts those a failed run left open from there on (a
 * producer's {@code initTransactions} aborts what its id has open), up to the first id never
 * used. Transactions before that {@code n} are in the checkpoint's commits, for the committer.
 * That happens at the output's first call after its restore (the first call at all without one).
 * A task that starts with no checkpoint counts from 0, and aborts what an earlier run with the
 * same prefix left open: the prefix must belong to one job.
 *
 * <p>A sealed transaction whose checkpoint did not complete (it timed out) is handed to the
 * committer again with the next checkpoint, so it is committed with that one. When the input ends
 * ({@link #finish()}), the open transaction is committed at once; after a failure or a stop
 * ({@link #close()} without finish), it is aborted, and sealed ones are left to the committer.
 */
final class TransactionalKafkaWriter implements TwoPhaseCommitOutput, Checkpointed, CheckpointListener {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalKafkaWriter.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaRecords records;
    private final Map<String, Object> config;
    private final String idPrefix;
    private final TaskContext context;
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private final Callback callback = (metadata, exception) -> {
        if (exception != null) {
            sendFailure.compareAndSet(null, exception);
        }
    };
    /** Sealed transactions whose checkpoint is not known complete, oldest first. */
    private final List<PreparedTransaction> sealed = new ArrayList<>();
    /** The number of the transaction to open next, or of the one open. */
    private long next;
    private KafkaProducer<byte[], byte[]> producer;
    private boolean recordsInTransaction;
    private boolean lingeringAborted;
    private boolean closed;

    /**
     * @param config the producer's configuration, without a transactional id
     * @param prefix {@code 'sink.transactional-id-prefix'}
     */
    TransactionalKafkaWriter(KafkaRecords records, Map<String, Object> config, String prefix, TaskContext context) {
        this.records = records;
        this.config = config;
        this.idPrefix = prefix + "-" + context.taskIndex() + "-";
        this.context = context;
    }

    @Override
    public void emit(VectorSchemaRoot batch) {
        throwSendFailure();
        abortLingeringOnce();
        if (batch.getRowCount() == 0) {
            return;
        }
        openTransaction();
        try {
            records.send(batch, producer, callback);
        } catch (KafkaException e) {
            // such as a producer fenced by another writer with the same transactional id
            throw failure("writing", e);
        }
        recordsInTransaction = true;
    }

    @Override
    public void emitWatermark(long watermark) {
        throwSendFailure();
        abortLingeringOnce();
    }

    /**
     * Waits until every record of the open transaction is acknowledged, and seals it: its
     * producer lets go without ending it. Returns every sealed transaction not yet known
     * committed, this one included.
     */
    @Override
    public byte[] prepareCommit(long checkpointId) {
        abortLingeringOnce();
        if (recordsInTransaction) {
            producer.flush();
            throwSendFailure();
            sealed.add(PreparedTransaction.of(producer, transactionalId(next), checkpointId));
            // Closed at once, the client neither waits nor aborts the transaction.
            producer.close(Duration.ZERO);
            producer = null;
            recordsInTransaction = false;
            next++;
        }
        return sealed.isEmpty() ? new byte[0] : PreparedTransaction.toBytes(sealed);
    }

    /** Transactions sealed at this checkpoint or before are committed: they need not be handed on. */
    @Override
    public void checkpointComplete(long checkpointId) {
        sealed.removeIf(transaction -> transaction.checkpointId() <= checkpointId);
    }

    /**
     * The next transaction number, past the open transaction if it has records (its barrier
     * seals it into this checkpoint's commits, whether before or after this call), and the
     * sealed transactions.
     */
    @Override
    public void snapshotState(long checkpointId, StateWriter out) throws IOException {
        out.writeLong(recordsInTransaction ? next + 1 : next);
        out.writeInt(sealed.size());
        for (PreparedTransaction transaction : sealed) {
            out.writeValue(transaction.transactionalId());
            out.writeLong(transaction.producerId());
            out.writeInt(transaction.epoch());
            out.writeLong(transaction.checkpointId());
        }
    }

    @Override
    public void restoreState(StateReader in) throws IOException {
        if (lingeringAborted) {
            throw SluiceException.internal("a Kafka sink's output was restored after it had started", null);
        }
        next = in.readLong();
        int count = in.readInt();
        sealed.clear();
        for (int i = 0; i < count; i++) {
            sealed.add(new PreparedTransaction((String) in.readValue(), in.readLong(), (short) in.readInt(),
                    in.readLong()));
        }
    }

    /** Commits the open transaction: the input has ended, and no later checkpoint will seal it. */
    @Override
    public void finish() {
        throwSendFailure();
        if (recordsInTransaction) {
            producer.flush();
            throwSendFailure();
            try {
                producer.commitTransaction();
            } catch (KafkaException e) {
                throw failure("committing the last transaction", e);
            }
            recordsInTransaction = false;
        }
        closeProducer();
    }

    /** Aborts the open transaction, which no checkpoint holds; sealed ones are the committer's. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (producer != null && recordsInTransaction) {
            try {
                producer.abortTransaction();
            } catch (KafkaException e) {
                LOG.warn("Kafka sink of topic '{}' (task {}): aborting transaction {} failed; it ends when it times "
                        + "out: {}", records.topic(), context.taskIndex(), transactionalId(next), e.toString());
            }
        }
        closeProducer();
    }

    private void openTransaction() {
        if (producer != null) {
            return;
        }
        try {
            producer = initialized(transactionalId(next));
            producer.beginTransaction();
        } catch (KafkaException e) {
            closeProducer();
            throw failure("starting transaction " + transactionalId(next), e);
        }
    }

    /**
     * At the first call after a restore (or the first call at all), before writing: transactions
     * an earlier run left open would hold back {@code read_committed} consumers until they time out.
     */
    private void abortLingeringOnce() {
        if (lingeringAborted) {
            return;
        }
        lingeringAborted = true;
        try {
            abortLingering();
        } catch (KafkaException e) {
            throw failure("aborting the transactions an earlier run left open", e);
        }
    }

    /**
     * Aborts what an earlier run left open with the ids from {@link #next} on: each id's
     * {@code initTransactions} aborts its transaction. Ids are used in order and only for
     * transactions with records, so the first id the broker's coordinator knows no transaction of
     * (never used, or only initialized) ends the search. The search asks the coordinator rather
     * than initializing each id, which would leave the id it stops at initialized and make every
     * later restore search one id further: it covers only the ids failed runs wrote with, which
     * every run after the same checkpoint reuses, so repeated crashes do not lengthen it.
     */
    private void abortLingering() {
        try (Admin admin = Admin.create(KafkaCommitter.adminConfig(config))) {
            for (long n = next; ; n++) {
                String id = transactionalId(n);
                TransactionState state = state(admin, id);
                if (state == null || state == TransactionState.EMPTY) {
                    return;
                }
                if (state != TransactionState.COMPLETE_ABORT && state != TransactionState.COMPLETE_COMMIT) {
                    initialized(id).close(CLOSE_TIMEOUT);
                    LOG.info("Kafka sink of topic '{}' (task {}): aborted what transactional id {} had left open",
                            records.topic(), context.taskIndex(), id);
                }
            }
        }
    }

    /** The coordinator's state of a transactional id's transaction, or null if it knows no such id. */
    private static TransactionState state(Admin admin, String transactionalId) {
        try {
            return admin.describeTransactions(List.of(transactionalId)).description(transactionalId).get().state();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransactionalIdNotFoundException) {
                return null;
            }
            throw new KafkaException("cannot ask the broker about transactional id " + transactionalId + ": "
                    + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while asking about transactional id " + transactionalId, e);
        }
    }

    private KafkaProducer<byte[], byte[]> initialized(String transactionalId) {
        Map<String, Object> withId = new HashMap<>(config);
        withId.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        KafkaProducer<byte[], byte[]> made = new KafkaProducer<>(withId, new ByteArraySerializer(),
                new ByteArraySerializer());
        try {
            made.initTransactions();
        } catch (KafkaException e) {
            made.close(Duration.ZERO);
            throw e;
        }
        return made;
    }

    private String transactionalId(long n) {
        return idPrefix + n;
    }

    private void closeProducer() {
        if (producer != null) {
            KafkaProducer<byte[], byte[]> closing = producer;
            producer = null;
            recordsInTransaction = false;
            closing.close(CLOSE_TIMEOUT);
        }
    }

    private void throwSendFailure() {
        Exception failure = sendFailure.get();
        if (failure != null) {
            throw failure("writing", failure);
        }
    }

    private SluiceException failure(String what, Exception e) {
        return new SluiceException(ErrorCode.IO_ERROR, "Kafka sink: " + what + " to topic '" + records.topic()
                + "' failed: " + e.getMessage(), e);
    }
}
