package io.sluice.runtime.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.error.SluiceException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.internals.TransactionManager;

/**
 * A Kafka transaction whose records are all written and acknowledged, left open so that it can
 * be committed later, by another producer, even in another process: its transactional id with
 * the producer id and epoch the broker gave it. This is what a checkpoint keeps for the Kafka
 * sink, and what its committer commits.
 *
 * <p>The Kafka client (4.1) has no public way to take up a transaction another producer began
 * (KIP-939's {@code prepareTransaction} is not in its public API yet), so, as Flink's Kafka
 * connector does, a fresh producer is given the producer id and epoch through the client's
 * internal transaction manager, found by reflection and set as {@code initTransactions} would
 * have set it, in a transaction with records. If a later client changes those internals,
 * {@link #resumeIn} fails with an internal error that says so.
 *
 * @param checkpointId the checkpoint whose barrier sealed the transaction
 */
record PreparedTransaction(String transactionalId, long producerId, short epoch, long checkpointId) {
    PreparedTransaction {
        requireNonNull(transactionalId, "transactionalId is null");
    }

    /** The transaction {@code producer} has open, after {@code initTransactions}. */
    static PreparedTransaction of(KafkaProducer<?, ?> producer, String transactionalId, long checkpointId) {
        Object idAndEpoch = get(transactionManager(producer), "producerIdAndEpoch");
        return new PreparedTransaction(transactionalId, (long) get(idAndEpoch, "producerId"),
                (short) get(idAndEpoch, "epoch"), checkpointId);
    }

    /**
     * Makes {@code producer}, fresh and made with this transactional id, the owner of this
     * transaction, so that its {@code commitTransaction} commits it.
     */
    void resumeIn(KafkaProducer<?, ?> producer) {
        Object manager = transactionManager(producer);
        synchronized (manager) {
            invoke(get(manager, "txnPartitionMap"), "reset");
            transitionTo(manager, "INITIALIZING");
            set(manager, "producerIdAndEpoch", producerIdAndEpoch());
            transitionTo(manager, "READY");
            transitionTo(manager, "IN_TRANSACTION");
            // The client sends the commit to the broker only for a transaction it saw records in.
            set(manager, "transactionStarted", true);
        }
    }

    /** The transactions of one task's prepared commit, as bytes a checkpoint keeps. */
    static byte[] toBytes(List<PreparedTransaction> transactions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(transactions.size());
            for (PreparedTransaction transaction : transactions) {
                out.writeUTF(transaction.transactionalId);
                out.writeLong(transaction.producerId);
                out.writeShort(transaction.epoch);
                out.writeLong(transaction.checkpointId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** What {@link #toBytes} wrote; no transaction for an empty array. */
    static List<PreparedTransaction> fromBytes(byte[] bytes) {
        List<PreparedTransaction> transactions = new ArrayList<>();
        if (bytes.length == 0) {
            return transactions;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                transactions.add(new PreparedTransaction(in.readUTF(), in.readLong(), in.readShort(), in.readLong()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return transactions;
    }

    private Object producerIdAndEpoch() {
        try {
            Class<?> type = TransactionManager.class.getDeclaredField("producerIdAndEpoch").getType();
            Constructor<?> constructor = type.getDeclaredConstructor(long.class, short.class);
            constructor.setAccessible(true);
            return constructor.newInstance(producerId, epoch);
        } catch (ReflectiveOperationException e) {
            throw incompatible(e);
        }
    }

    private static Object transactionManager(KafkaProducer<?, ?> producer) {
        return get(producer, KafkaProducer.class, "transactionManager");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void transitionTo(Object manager, String state) {
        try {
            Class<Enum> states = (Class<Enum>) Class.forName(TransactionManager.class.getName() + "$State");
            Method transition = TransactionManager.class.getDeclaredMethod("transitionTo", states);
            transition.setAccessible(true);
            transition.invoke(manager, Enum.valueOf(states, state));
        } catch (ReflectiveOperationException e) {
            throw incompatible(e);
        }
    }

    private static void invoke(Object target, String method) {
        try {
            Method found = target.getClass().getDeclaredMethod(method);
            found.setAccessible(true);
            found.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw incompatible(e);
        }
    }

    private static Object get(Object target, String field) {
        return get(target, target.getClass(), field);
    }

    private static Object get(Object target, Class<?> type, String field) {
        try {
            Field found = type.getDeclaredField(field);
            found.setAccessible(true);
            return found.get(target);
        } catch (ReflectiveOperationException e) {
            throw incompatible(e);
        }
    }

    private static void set(Object target, String field, Object value) {
        try {
            Field found = target.getClass().getDeclaredField(field);
            found.setAccessible(true);
            found.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw incompatible(e);
        }
    }

    private static SluiceException incompatible(ReflectiveOperationException e) {
        return SluiceException.internal("the Kafka client on the class path does not let a transaction be taken up "
                + "by another producer as this version of Sluice expects (kafka-clients 4.1): " + e, e);
    }
}
