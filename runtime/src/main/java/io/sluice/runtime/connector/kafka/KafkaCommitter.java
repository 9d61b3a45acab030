package io.sluice.runtime.connector.kafka;

import io.sluice.runtime.connector.SinkCommitter;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the Kafka transactions the sink's writing tasks sealed at a checkpoint (see
 * {@link TransactionalKafkaWriter}), each through a producer that takes it up by its producer id
 * and epoch ({@link PreparedTransaction}).
 *
 * <p>Committing again a transaction already committed succeeds, as the broker answers a repeated
 * commit of the same epoch. A commit the broker refuses (the epoch was fenced, the transaction has
 * ended) is looked up with the transaction coordinator: a transaction committed before is left as
 * it is; one the coordinator says was aborted, as the broker does when a transaction outlives its
 * timeout, fails the commit with an error that says its records are lost, rather than going on
 * without them. Once its id has moved on (the coordinator says {@code Empty}), the coordinator no
 * longer tells how the transaction ended; it is then taken as committed, with a warning.
 */
final class KafkaCommitter implements SinkCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaCommitter.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final Map<String, Object> config;

    /** @param config the producers' configuration, without a transactional id */
    KafkaCommitter(String topic, Map<String, Object> config) {
        this.topic = topic;
        this.config = Map.copyOf(config);
    }

    @Override
    public void commit(long checkpointId, List<byte[]> committables) {
        for (byte[] committable : committables) {
            for (PreparedTransaction transaction : PreparedTransaction.fromBytes(committable)) {
                commit(checkpointId, transaction);
            }
        }
    }

    private void commit(long checkpointId, PreparedTransaction transaction) {
        Map<String, Object> withId = new HashMap<>(config);
        withId.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transaction.transactionalId());
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(withId, new ByteArraySerializer(),
                new ByteArraySerializer());
        try {
            transaction.resumeIn(producer);
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException | InvalidTxnStateException e) {
            // The transaction was ended before: committed (by an earlier commit), or aborted.
            TransactionState state = endedState(transaction);
            if (state == TransactionState.PREPARE_ABORT || state == TransactionState.COMPLETE_ABORT) {
                throw new SluiceException(ErrorCode.IO_ERROR, "Kafka sink of topic '" + topic + "': transaction "
                        + transaction.transactionalId() + " of checkpoint " + checkpointId + " was aborted before it "
                        + "was committed: its records are lost (the broker says the transactional id is now "
                        + state + "; did the transaction outlive 'properties.transaction.timeout.ms', or did another "
                        + "job use the same 'sink.transactional-id-prefix'?)", e);
            }
            if (state == TransactionState.COMPLETE_COMMIT) {
                LOG.info("Kafka sink of topic '{}': transaction {} of checkpoint {} was committed before", topic,
                        transaction.transactionalId(), checkpointId);
            } else {
                LOG.warn("Kafka sink of topic '{}': transaction {} of checkpoint {} ended before; the broker no longer "
                        + "tells how (the transactional id is {}), so it is taken as committed", topic,
                        transaction.transactionalId(), checkpointId, state);
            }
        } catch (KafkaException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "Kafka sink of topic '" + topic + "': committing "
                    + "transaction " + transaction.transactionalId() + " of checkpoint " + checkpointId + " failed: "
                    + e.getMessage(), e);
        } finally {
            producer.close(CLOSE_TIMEOUT);
        }
    }

    /** The admin client's share of a producer's configuration (servers, security). */
    static Map<String, Object> adminConfig(Map<String, Object> producerConfig) {
        Map<String, Object> adminConfig = new HashMap<>();
        producerConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                adminConfig.put(key, value);
            }
        });
        return adminConfig;
    }

    /** What the broker's transaction coordinator says of the transactional id now. */
    private TransactionState endedState(PreparedTransaction transaction) {
        try (Admin admin = Admin.create(adminConfig(config))) {
            return admin.describeTransactions(List.of(transaction.transactionalId()))
                    .description(transaction.transactionalId()).get().state();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TransactionState.UNKNOWN;
        } catch (ExecutionException | KafkaException e) {
            LOG.warn("Kafka sink of topic '{}': cannot ask the broker about transaction {}: {}", topic,
                    transaction.transactionalId(), e.toString());
            return TransactionState.UNKNOWN;
        }
    }
}
