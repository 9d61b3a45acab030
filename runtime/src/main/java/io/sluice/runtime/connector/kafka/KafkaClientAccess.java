package io.sluice.runtime.connector.kafka;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.security.AccessPolicy;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;

/**
 * A Kafka table's client properties under the engine's {@link AccessPolicy}: every bootstrap
 * server must be an endpoint the policy allows, and a property that names a local file, a
 * command or a class to load (JAAS configuration, key and trust stores, login and callback
 * classes, serializers, interceptors, config providers, OAuth endpoints) must be one the policy
 * allows by name. The brokers the cluster then advertises are the cluster's own.
 */
final class KafkaClientAccess {
    private static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    private static final List<String> REACHING_NAMES = List.of("sasl.jaas.config", "keystore", "truststore",
            "config.providers");
    private static final List<String> REACHING_SUFFIXES = List.of(".class", ".classes", ".location", ".file",
            ".url", ".cmd", ".serializer", ".deserializer", ".reporters", ".providers");

    private KafkaClientAccess() {
    }

    /**
     * Checks the client properties ({@code 'properties.*'} without the prefix) against the policy.
     *
     * @throws io.sluice.runtime.error.SluiceException {@code ACCESS_DENIED} for what the policy
     *         refuses, {@code INVALID_OPTION} for a bootstrap server that is not {@code HOST:PORT}
     */
    static void check(Map<String, ?> properties, AccessPolicy policy, ConnectorOptions options) {
        if (policy.isOpen()) {
            return;
        }
        for (String server : String.valueOf(properties.get(BOOTSTRAP_SERVERS)).split(",")) {
            if (server.isBlank()) {
                continue;
            }
            // Kafka's own parsing, so that the host checked is the host the client connects to.
            String host = Utils.getHost(server.trim());
            Integer port = Utils.getPort(server.trim());
            if (host == null || port == null) {
                throw options.invalid(KafkaOptions.PROPERTIES + BOOTSTRAP_SERVERS,
                        "'" + server.trim() + "' is not HOST:PORT");
            }
            policy.checkEndpoint(host, port);
        }
        for (String name : properties.keySet()) {
            if (reachesOutside(name)) {
                policy.checkKafkaProperty(name);
            }
        }
    }

    /** True for a property that reaches past the cluster: a file, a command, a URL or a class. */
    static boolean reachesOutside(String name) {
        return REACHING_NAMES.stream().anyMatch(name::contains) || REACHING_SUFFIXES.stream().anyMatch(name::endsWith);
    }
}
