package io.sluice.runtime.connector.kafka;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Asks a Kafka cluster about a topic within a bounded wait, turning what can go wrong into clear
 * errors: a cluster that cannot be reached is {@code CONNECTION_ERROR} (SQLState 08001), a topic
 * that does not exist is {@code OBJECT_NOT_FOUND} (42S02).
 */
final class KafkaTopics {
    private KafkaTopics() {
    }

    /** The number of partitions of the topic. */
    static int partitions(Map<String, Object> properties, String topic, Duration timeout) {
        Map<String, Object> config = new HashMap<>();
        properties.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        String servers = String.valueOf(properties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        Admin admin;
        try {
            admin = Admin.create(config);
        } catch (KafkaException e) {
            throw unreachable(servers, e.getMessage(), e);
        }
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            return description.partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new SluiceException(ErrorCode.OBJECT_NOT_FOUND, "Kafka topic '" + topic
                        + "' does not exist in the cluster at '" + servers + "'", e.getCause());
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(servers, "no answer within " + timeout.toMillis() + " ms", e.getCause());
            }
            throw unreachable(servers, e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(servers, "no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SluiceException(ErrorCode.QUERY_CANCELLED, "interrupted while asking Kafka about topic '" + topic
                    + "'", e);
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    static SluiceException unreachable(String servers, String why, Throwable cause) {
        return new SluiceException(ErrorCode.CONNECTION_ERROR, "cannot reach the Kafka cluster at '" + servers
                + "': " + why + " (check 'properties.bootstrap.servers')", cause);
    }
}
