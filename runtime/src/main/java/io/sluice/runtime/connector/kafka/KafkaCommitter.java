package io.sluice.runtime.connector.kafka;

import io.sluice.runtime.connector.SinkCommitter;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * commit of the same epoch; a transaction whose id has been used again since (its epoch is
 * fenced) was ended before and is left as it is.
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
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            LOG.info("Kafka sink of topic '{}': transaction {} of checkpoint {} was ended before: {}", topic,
                    transaction.transactionalId(), checkpointId, e.toString());
        } catch (InvalidTxnStateException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "Kafka sink of topic '" + topic + "': transaction "
                    + transaction.transactionalId() + " of checkpoint " + checkpointId + " was aborted by the broker"
                    + " before it could be committed (did it outlive 'properties.transaction.timeout.ms'?): "
                    + e.getMessage(), e);
        } catch (KafkaException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "Kafka sink of topic '" + topic + "': committing "
                    + "transaction " + transaction.transactionalId() + " of checkpoint " + checkpointId + " failed: "
                    + e.getMessage(), e);
        } finally {
            producer.close(CLOSE_TIMEOUT);
        }
    }
}
